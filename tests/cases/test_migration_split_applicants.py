"""Migrations 0011–0013 give every applicant an office, splitting the rows several offices shared: the
office of the first registered application keeps the row and its history, every other office gets a
copy with the same fields that its applications (and their history) point to, with a history record
saying where it came from. Applicants without applications go to the office of the user who created
them, else to the first root office. Nothing is lost; a new applicant afterwards gets a new id."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.conftest import SHANGHAI

BEFORE = [("cases", "0010_office_hotline_default_from_setting")]
AFTER = [("cases", "0013_applicant_numbers_unique_per_office")]
AT = datetime(2026, 1, 5, 9, tzinfo=SHANGHAI)
ID_NUMBER = "11010519491231002X"
CREDIT_CODE = "91350100M000100Y43"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def old_apps(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        try:
            yield migrate(BEFORE)
        finally:
            migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


class Ledger:
    """Offices, staff, applicants and applications as they were before 0011."""

    def __init__(self, apps) -> None:
        self.apps = apps
        Agency, User = apps.get_model("cases", "Agency"), apps.get_model("cases", "User")
        self.county = Agency.objects.create(code="county", name="元谋县人民政府", path="/county/")
        self.township = Agency.objects.create(
            code="jiangyi", name="姜驿乡人民政府", path="/county/jiangyi/", parent=self.county
        )
        self.bureau = Agency.objects.create(
            code="ju", name="元谋县自然资源局", path="/county/ju/", parent=self.county
        )
        self.clerk = User.objects.create(
            username="jiangyi-front", password="!", agency=self.township, role="front_desk"
        )
        self.root = User.objects.create(username="root", password="!", is_superuser=True)
        self.seq = 0

    def applicant(self, name: str, *, by=None, **fields):
        Applicant = self.apps.get_model("cases", "Applicant")
        applicant = Applicant.objects.create(type="natural_person", name=name, **fields)
        self.history(applicant, "+", by)
        return applicant

    def history(self, applicant, kind: str, by=None, reason=None):
        self.apps.get_model("cases", "HistoricalApplicant").objects.create(
            id=applicant.pk,
            **{f: getattr(applicant, f) for f in ("type", "name", "id_number", "credit_code")},
            **{f: getattr(applicant, f) for f in ("phone", "email", "address", "created_at")},
            history_date=AT,
            history_type=kind,
            history_user=by,
            history_change_reason=reason,
        )

    def application(self, agency, applicant, received_on: date):
        self.seq += 1
        application = self.apps.get_model("cases", "Application").objects.create(
            agency=agency,
            year=received_on.year,
            seq=self.seq,
            number=f"{agency.name}〔{received_on.year}〕第{self.seq:04d}号",
            channel="in_person",
            received_on=received_on,
            applicant=applicant,
            content="财政预决算",
            regime="2019",
        )
        fields = ("year", "seq", "number", "channel", "received_on", "content", "regime")
        self.apps.get_model("cases", "HistoricalApplication").objects.create(
            id=application.pk,
            agency_id=agency.pk,
            applicant_id=applicant.pk,
            **{f: getattr(application, f) for f in fields},
            status="open",
            created_at=AT,
            version=1,
            history_date=AT,
            history_type="+",
        )
        return application


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_shared_applicants_are_split_by_office(old_apps):
    old = Ledger(old_apps)
    # one person at three offices, the county first (later at the township, on an earlier date)
    shared = old.applicant(
        "张三", id_number=ID_NUMBER, phone="13800001234", email="z3@example.cn", address="元马镇"
    )
    old.history(shared, "~", old.clerk, "登记申请姜驿乡人民政府〔2026〕第0002号时更新：联系电话")
    at_county = old.application(old.county, shared, date(2026, 3, 2))
    at_township = [
        old.application(old.township, shared, date(2026, 2, 2)),
        old.application(old.township, shared, date(2026, 4, 1)),
    ]
    at_bureau = old.application(old.bureau, shared, date(2026, 5, 6))
    # a company first at the township, then at the county
    company = old.applicant("某公司", credit_code=CREDIT_CODE)
    company.type = "commercial_enterprise"
    company.save()
    company_township = old.application(old.township, company, date(2026, 1, 5))
    company_county = old.application(old.county, company, date(2026, 1, 6))
    # only ever at the township; none at all (added by a township clerk; by no one known)
    local = old.applicant("李四")
    old.application(old.township, local, date(2026, 6, 1))
    unused_by_clerk = old.applicant("王五", by=old.clerk)
    unused_by_root = old.applicant("赵六", by=old.root)
    before = {a.pk: a for a in old_apps.get_model("cases", "Applicant").objects.all()}

    new_apps = migrate(AFTER)
    Applicant = new_apps.get_model("cases", "Applicant")
    Application = new_apps.get_model("cases", "Application")
    HistoricalApplicant = new_apps.get_model("cases", "HistoricalApplicant")
    HistoricalApplication = new_apps.get_model("cases", "HistoricalApplication")

    # every application's applicant is of its own office; nothing was lost
    assert Application.objects.count() == 7
    for application in Application.objects.select_related("applicant"):
        assert application.applicant.agency_id == application.agency_id
    assert Applicant.objects.count() == len(before) + 3  # two copies of 张三, one of 某公司
    assert set(before) <= set(Applicant.objects.values_list("pk", flat=True))

    # the office of the first registered application keeps the row and its history
    kept = Applicant.objects.get(pk=shared.pk)
    assert kept.agency_id == old.county.pk
    assert Application.objects.get(pk=at_county.pk).applicant_id == shared.pk
    assert Applicant.objects.get(pk=company.pk).agency_id == old.township.pk
    assert Application.objects.get(pk=company_township.pk).applicant_id == company.pk
    assert list(
        HistoricalApplicant.objects.filter(id=shared.pk)
        .order_by("history_id")
        .values_list("history_type", "agency_id", "history_change_reason")
    ) == [
        ("+", old.county.pk, None),
        ("~", old.county.pk, "登记申请姜驿乡人民政府〔2026〕第0002号时更新：联系电话"),
        ("~", old.county.pk, "申请人按机关分设：本记录留在本机关，其他机关的申请改登记在各机关自己的申请人记录下"),
    ]  # fmt: skip

    # the other offices' copies: the same fields, their applications and history moved to them
    fields = ("type", "name", "id_number", "credit_code", "phone", "email", "address", "created_at")
    for office, applications, source in (
        (old.township, at_township, shared),
        (old.bureau, [at_bureau], shared),
        (old.county, [company_county], company),
    ):
        copy = Applicant.objects.get(agency_id=office.pk, name=source.name)
        assert copy.pk not in before
        assert [getattr(copy, f) for f in fields] == [getattr(before[source.pk], f) for f in fields]
        assert {
            a.applicant_id for a in Application.objects.filter(pk__in=[a.pk for a in applications])
        } == {copy.pk}
        assert {
            h.applicant_id
            for h in HistoricalApplication.objects.filter(id__in=[a.pk for a in applications])
        } == {copy.pk}
        (created,) = HistoricalApplicant.objects.filter(id=copy.pk)
        assert (created.history_type, created.agency_id, created.history_user_id) == (
            "+",
            office.pk,
            None,
        )
        assert created.history_change_reason == (
            f"申请人按机关分设：由多个机关共用的申请人记录（#{source.pk}）复制，本机关的申请改登记在此记录下"
        )  # fmt: skip

    # no application: the office of whoever created it, else the first root office
    assert Applicant.objects.get(pk=local.pk).agency_id == old.township.pk
    assert Applicant.objects.get(pk=unused_by_clerk.pk).agency_id == old.township.pk
    assert Applicant.objects.get(pk=unused_by_root.pk).agency_id == old.county.pk
    assert not HistoricalApplicant.objects.filter(agency__isnull=True).exists()

    # the next applicant registered gets an id of its own
    fresh = Applicant.objects.create(agency_id=old.township.pk, type="natural_person", name="新")
    assert fresh.pk > max(Applicant.objects.exclude(pk=fresh.pk).values_list("pk", flat=True))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nothing_to_split_leaves_every_applicant_where_it_was(old_apps):
    old = Ledger(old_apps)
    one = old.applicant("张三", id_number=ID_NUMBER)
    old.application(old.township, one, date(2026, 2, 2))
    new_apps = migrate(AFTER)
    Applicant = new_apps.get_model("cases", "Applicant")
    assert list(Applicant.objects.values_list("pk", "agency_id")) == [(one.pk, old.township.pk)]
    assert new_apps.get_model("cases", "HistoricalApplicant").objects.get().agency_id == (
        old.township.pk
    )
