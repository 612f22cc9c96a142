from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.lookups import StartsWith
from simple_history.models import HistoricalRecords


def default_hotline() -> str:
    """The consultation hotline of an office that names none: the deployment's (GONGKAI_HOTLINE,
    96128 in Yunnan; law.md calls the number a setting)."""
    return settings.GONGKAI["DEFAULT_HOTLINE"]


class PathStartsWith(StartsWith):
    """`path__startswith` (an office and the offices under it), with letter case counted on SQLite as
    on PostgreSQL. SQLite's LIKE ignores the case of ASCII letters, so under "/ym/" it also found
    "/YM/…", another office's subtree (codes "ym" and "YM" are both valid and both unique); there the
    prefix is compared exactly instead (SQLite's LIKE never used the path's index anyway)."""

    def as_sqlite(self, compiler, connection):
        if not isinstance(self.rhs, str):
            return self.as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"substr({lhs}, 1, %s) = %s", (*lhs_params, len(self.rhs), self.rhs)


class Agency(models.Model):
    """An office. Offices form a tree (a county government, the townships under it)."""

    code = models.SlugField("机关代码", max_length=32, unique=True)
    name = models.CharField("机关名称", max_length=100)
    short_name = models.CharField(
        "报告中的简称",
        max_length=20,
        default="本机关",
        help_text="年报语句中的自称，如“我乡”“我局”",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField("层级路径", max_length=400, db_index=True, editable=False)
    hotline = models.CharField("咨询热线", max_length=20, default=default_hotline)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        old_path = self.path
        self.path = self.compute_path()
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            for child in Agency.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                child.save()

    def compute_path(self) -> str:
        prefix = self.parent.path if self.parent_id else "/"
        return f"{prefix}{self.code}/"

    def clean(self) -> None:
        """Its place in the tree (the admin's form; the API's office serializer): never under itself or
        an office under it (the tree would loop), and its path — and, when it moves, the paths of the
        offices under it — within the column (else a database error)."""
        stored = self.path  # the path as saved (computed again only by save)
        if self.parent_id and self.pk and stored and self.parent.path.startswith(stored):
            raise ValidationError({"parent": ["上级机关不能是本机关或本机关的下级机关。"]})
        deepest = 0
        if self.pk and stored:
            below = Agency.objects.filter(path__startswith=stored).values_list("path", flat=True)
            deepest = max((len(path) - len(stored) for path in below), default=0)
        limit = self._meta.get_field("path").max_length
        if len(self.compute_path()) + deepest > limit:
            raise ValidationError(
                {
                    "parent": [
                        f"机关层级过深：本机关（及其下级机关）与各级上级机关的代码合计超过{limit}个字符，"
                        "请使用较短的机关代码，或在较高一级的机关下设立。"
                    ]
                }
            )


# every `path__startswith`, also across a join (`agency__path__startswith`), compares letter case
Agency._meta.get_field("path").register_lookup(PathStartsWith)


class User(AbstractUser):
    """A member of staff: one office, one role."""

    class Role(models.TextChoices):
        FRONT_DESK = "front_desk", "前台登记员"
        HANDLER = "handler", "承办人"
        SUPERVISOR = "supervisor", "负责人"
        ADMIN = "admin", "管理员"

    full_name = models.CharField("姓名", max_length=50, blank=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name="所属机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices, blank=True)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = "工作人员"
        verbose_name_plural = "工作人员"

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @property
    def sees_subordinates(self) -> bool:
        return self.role in {self.Role.SUPERVISOR, self.Role.ADMIN}


class NumberSequence(models.Model):
    """The last application number issued by an office in a year; locked row per issue."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"], name="unique_number_sequence_per_agency_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last}"
