from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from cases import outcomes
from cases.clock import engine

from .agency import Agency
from .applicant import Applicant
from .base import Voidable


class Application(Voidable):
    """An application for government information (政府信息公开申请)."""

    class Channel(models.TextChoices):
        IN_PERSON = "in_person", "当面提交"
        LETTER = "letter", "信函"
        EMAIL = "email", "电子邮件"
        FAX = "fax", "传真"
        ONLINE = "online", "网上申请平台"

    class Status(models.TextChoices):
        OPEN = engine.OPEN, "办理中"
        AWAITING_SUPPLEMENT = engine.AWAITING_SUPPLEMENT, "待补正"
        CONSULTING = engine.CONSULTING, "征求意见中"
        AWAITING_FEE = engine.AWAITING_FEE, "待缴费"
        CONCLUDED = engine.CONCLUDED_STATUS, "已办结"

    class Regime(models.TextChoices):
        R2008 = engine.REGIME_2008, "2008年《条例》"
        R2019 = engine.REGIME_2019, "2019年《条例》"

    agency = models.ForeignKey(
        Agency, verbose_name="受理机关", on_delete=models.PROTECT, related_name="applications"
    )
    year = models.PositiveSmallIntegerField("编号年度")
    seq = models.PositiveIntegerField("年度序号")
    # the office's name (at most 100 characters), 〔year〕 and 第sequence号: up to 118 characters
    number = models.CharField("申请编号", max_length=120)
    channel = models.CharField("申请方式", max_length=20, choices=Channel.choices)
    received_on = models.DateField("收到申请之日", db_index=True)
    submitted_on = models.DateField("申请人提交日期", null=True, blank=True)
    applicant = models.ForeignKey(
        Applicant, verbose_name="申请人", on_delete=models.PROTECT, related_name="applications"
    )
    content = models.TextField("申请公开的政府信息")
    delivery = models.CharField("获取方式", max_length=50, blank=True)
    items = models.PositiveSmallIntegerField("申请事项数（件）", default=1)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_applications",
    )

    # the statutory clock, stored so lists filter and sort in SQL (recomputed from the events)
    status = models.CharField("状态", max_length=24, choices=Status.choices, default=Status.OPEN)
    regime = models.CharField("适用条例", max_length=4, choices=Regime.choices)
    deadline = models.DateField("答复期限", null=True, blank=True)
    deadline_provisional = models.BooleanField("期限待确认", default=False)
    extension_days = models.PositiveSmallIntegerField("延长工作日", default=0)
    supplement_notice_due = models.DateField("补正告知期限", null=True, blank=True)
    stopped_days_left = models.SmallIntegerField("中止时剩余工作日", null=True, blank=True)

    outcome = models.CharField("办理结果", max_length=40, choices=outcomes.CHOICES, blank=True)
    concluded_on = models.DateField("办结日期", null=True, blank=True, db_index=True)
    outcome_reason = models.TextField("理由", blank=True)
    outcome_basis = models.TextField("法律依据", blank=True)
    referred_to = models.CharField("告知的有关机关及联系方式", max_length=200, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True, db_index=True)
    version = models.PositiveIntegerField("版本号", default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "依申请公开申请"
        verbose_name_plural = "依申请公开申请"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "seq"], name="unique_application_number_per_agency_year"
            )
        ]
        indexes = [
            models.Index(
                fields=["agency", "status", "deadline"], name="app_agency_status_deadline"
            ),
            models.Index(fields=["agency", "received_on"], name="app_agency_received"),
            models.Index(fields=["agency", "concluded_on"], name="app_agency_concluded"),
            # the cases that count (not voided) of some offices, in date order, from the index alone:
            # a county's whole list is counted and paged without reading its rows
            models.Index(
                fields=["agency", "received_on", "id"],
                condition=models.Q(voided_at__isnull=True),
                name="app_live_agency_received",
            ),
            # the open cases (not concluded, not voided) of some offices with what the overdue and
            # due-soon filters and the lists' order read: a supervisor's overdue list is counted and
            # paged from this small index alone (PostgreSQL: an index-only scan; a county's 2,600
            # open cases were 2,600 row reads)
            models.Index(
                fields=["agency", "deadline"],
                include=["status", "stopped_days_left", "received_on", "id"],
                condition=models.Q(voided_at__isnull=True) & ~models.Q(status="concluded"),
                name="app_open_by_office_deadline",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_concluded(self) -> bool:
        return self.status == self.Status.CONCLUDED

    @property
    def outcome_info(self) -> outcomes.Outcome | None:
        return outcomes.BY_CODE.get(self.outcome)


class ApplicationEvent(models.Model):
    """One step in a case. Append-only: the events are the case's history and drive its clock."""

    class Kind(models.TextChoices):
        REGISTERED = "registered", "登记"
        ASSIGNED = "assigned", "分办"
        SUPPLEMENT_REQUESTED = engine.SUPPLEMENT_REQUESTED, "告知补正"
        SUPPLEMENT_RECEIVED = engine.SUPPLEMENT_RECEIVED, "收到补正"
        CONSULTATION_STARTED = engine.CONSULTATION_STARTED, "征求第三方意见"
        CONSULTATION_ENDED = engine.CONSULTATION_ENDED, "征求意见结束"
        EXTENDED = engine.EXTENDED, "延长答复期限"
        DEADLINE_SET = engine.DEADLINE_SET, "确定合理答复期限"
        FEE_NOTIFIED = engine.FEE_NOTIFIED, "收费通知"
        FEE_PAID = engine.FEE_PAID, "缴费"
        FEE_WAIVED = engine.FEE_WAIVED, "减免费用"
        CONCLUDED = engine.CONCLUDED, "办结"
        WITHDRAWN = engine.WITHDRAWN, "申请人撤回"
        REMEDY = "remedy", "复议诉讼申诉"
        VOIDED = "voided", "作废"
        DATES_RECOMPUTED = "dates_recomputed", "期限重算"

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事项", max_length=30, choices=Kind.choices)
    on = models.DateField("日期")
    days = models.PositiveSmallIntegerField("工作日数", null=True, blank=True)
    deadline = models.DateField("期限", null=True, blank=True)
    party = models.CharField("征求意见对象", max_length=200, blank=True)
    note = models.TextField("说明", blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    data = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["on", "id"]
        indexes = [
            models.Index(fields=["application", "on"], name="event_application_on"),
            # the supplement notices, a few of every office's events: the board's late notices and
            # lapsed supplement periods find them here instead of reading every event (the late
            # notices of a prefecture's 2,170,000 events: 140 → 18 ms)
            models.Index(
                fields=["application"],
                condition=models.Q(kind="supplement_requested"),
                name="event_supplement_requests",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.on} {self.get_kind_display()}"

    def to_clock_event(self) -> engine.ClockEvent:
        return engine.ClockEvent(
            kind=self.kind, on=self.on, days=self.days, deadline=self.deadline, reason=self.note
        )
