"""Each office keeps its own applicants. Until now one applicant row served every office that person
applied to: a registration at one office overwrote the details another office held, and each office
saw the contact details given only to the other. This splits every such row, in set-based SQL (a few
statements whatever the number of cases; PostgreSQL and SQLite alike):

1. An applicant belongs to the office of its first registered application (the lowest id: the
   registration that created the row and began its history). That office keeps the row, its
   history and its current details.
2. An applicant with no application at all (added in 系统管理) belongs to the office of the user who
   created it, per its history; failing that (no such user, or one without an office), to the first
   root office (the lowest id among offices without a parent office). Nothing is deleted.
3. Every history record of an applicant is given the office of its applicant.
4. Every other office with applications of that applicant gets a copy with the same fields; that
   office's applications, and their history records, point to its copy. Each copy's history begins
   with a record saying it was split off (which row it was copied from), and the row kept gets one
   saying the other offices' applications now have their own copies. These records have no user (系统).

The reverse does nothing: the split cannot be told apart from applicants registered separately
afterwards. To go back before 0011 restore the backup taken before the upgrade (going back with
`migrate` fails at 0011 while two offices hold the same ID number or credit code)."""

from django.core.management.color import no_style
from django.db import migrations
from django.utils import timezone

SPLIT_OFF = "申请人按机关分设：由多个机关共用的申请人记录（#{}）复制，本机关的申请改登记在此记录下"
KEPT = "申请人按机关分设：本记录留在本机关，其他机关的申请改登记在各机关自己的申请人记录下"


def split(apps, schema_editor):
    connection = schema_editor.connection
    q = connection.ops.quote_name
    Agency = apps.get_model("cases", "Agency")
    Applicant = apps.get_model("cases", "Applicant")
    Application = apps.get_model("cases", "Application")
    HistoricalApplicant = apps.get_model("cases", "HistoricalApplicant")
    HistoricalApplication = apps.get_model("cases", "HistoricalApplication")
    User = apps.get_model("cases", "User")
    applicant = q(Applicant._meta.db_table)
    application = q(Application._meta.db_table)
    h_applicant = q(HistoricalApplicant._meta.db_table)
    h_application = q(HistoricalApplication._meta.db_table)
    user = q(User._meta.db_table)
    split = q("gongkai_applicant_split")
    fields = ["type", "name", "id_number", "credit_code", "phone", "email", "address", "created_at"]
    copied = ", ".join(q(f) for f in fields)
    copied_p = ", ".join(f"p.{q(f)}" for f in fields)
    postgresql = connection.vendor == "postgresql"
    now = timezone.now()

    with connection.cursor() as cursor:
        # 1. the office of the first registered application
        cursor.execute(
            f"UPDATE {applicant} SET agency_id = ("
            f" SELECT a.agency_id FROM {application} a WHERE a.applicant_id = {applicant}.id"
            f" ORDER BY a.id LIMIT 1)"
        )
        # 2. no application: the office of whoever created it, else the first root office
        cursor.execute(
            f"UPDATE {applicant} SET agency_id = ("
            f" SELECT u.agency_id FROM {h_applicant} h JOIN {user} u ON u.id = h.history_user_id"
            f" WHERE h.id = {applicant}.id AND u.agency_id IS NOT NULL"
            f" ORDER BY h.history_id LIMIT 1)"
            f" WHERE agency_id IS NULL"
        )
        root = Agency.objects.filter(parent__isnull=True).order_by("pk").first()
        if Applicant.objects.filter(agency__isnull=True).exists():
            if root is None:
                raise RuntimeError(
                    "申请人须属于一个机关，但数据库中没有任何机关：请先在系统管理中添加机关，再运行迁移。"
                )
            Applicant.objects.filter(agency__isnull=True).update(agency_id=root.pk)
        # 3. the history records of every applicant as it is now (the copies' are written below)
        cursor.execute(
            f"UPDATE {h_applicant} SET agency_id = ("
            f" SELECT p.agency_id FROM {applicant} p WHERE p.id = {h_applicant}.id)"
        )

        # 4. a copy for every other office with applications of the applicant
        cursor.execute(f"DROP TABLE IF EXISTS {split}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {split} (old_id bigint NOT NULL, agency_id bigint NOT NULL,"
            f" new_id bigint NOT NULL)"
        )
        cursor.execute(
            f"INSERT INTO {split} (old_id, agency_id, new_id)"
            f" SELECT s.old_id, s.agency_id,"
            f" (SELECT COALESCE(MAX(id), 0) FROM {applicant})"
            f" + ROW_NUMBER() OVER (ORDER BY s.old_id, s.agency_id)"
            f" FROM (SELECT DISTINCT a.applicant_id AS old_id, a.agency_id"
            f" FROM {application} a JOIN {applicant} p ON p.id = a.applicant_id"
            f" WHERE a.agency_id <> p.agency_id) s"
        )
        cursor.execute(f"SELECT COUNT(*) FROM {split}")
        (copies,) = cursor.fetchone()
        if copies:
            cursor.execute(
                f"CREATE INDEX gongkai_applicant_split_old ON {split} (old_id, agency_id)"
            )
            if postgresql:
                cursor.execute(f"ANALYZE {split}")
            cursor.execute(
                f"INSERT INTO {applicant} (id, agency_id, {copied})"
                f" SELECT s.new_id, s.agency_id, {copied_p}"
                f" FROM {split} s JOIN {applicant} p ON p.id = s.old_id"
            )
            for table in (application, h_application):
                if postgresql:
                    cursor.execute(
                        f"UPDATE {table} t SET applicant_id = s.new_id FROM {split} s"
                        f" WHERE s.old_id = t.applicant_id AND s.agency_id = t.agency_id"
                    )
                else:  # UPDATE … FROM needs SQLite 3.33; Django supports 3.31
                    match = (
                        f"FROM {split} s WHERE s.old_id = {table}.applicant_id"
                        f" AND s.agency_id = {table}.agency_id"
                    )
                    cursor.execute(
                        f"UPDATE {table} SET applicant_id = (SELECT s.new_id {match})"
                        f" WHERE EXISTS (SELECT 1 {match})"
                    )
            history = (
                f"INSERT INTO {h_applicant} (id, agency_id, {copied}, history_date,"
                f" history_change_reason, history_type, history_user_id)"
            )
            before, after = SPLIT_OFF.split("{}")
            cursor.execute(
                f"{history} SELECT s.new_id, s.agency_id, {copied_p}, %s,"
                f" %s || CAST(s.old_id AS TEXT) || %s, '+', NULL"
                f" FROM {split} s JOIN {applicant} p ON p.id = s.old_id",
                [now, before, after],
            )
            cursor.execute(
                f"{history} SELECT p.id, p.agency_id, {copied_p}, %s, %s, '~', NULL"
                f" FROM {applicant} p WHERE p.id IN (SELECT old_id FROM {split})",
                [now, KEPT],
            )
            for sql in connection.ops.sequence_reset_sql(no_style(), [Applicant]):
                cursor.execute(sql)
        cursor.execute(f"DROP TABLE {split}")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_applicant_belongs_to_an_office"),
    ]

    operations = [
        migrations.RunPython(split, migrations.RunPython.noop, elidable=False),
    ]
