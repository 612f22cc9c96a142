from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .agency import Agency
from .application import Application
from .base import Voidable


class Consultation(Voidable):
    """A question about information disclosure that is not an application (咨询, law.md §8)."""

    class Channel(models.TextChoices):
        ON_SITE = "on_site", "现场咨询"
        HOTLINE = "hotline", "电话咨询"
        ONLINE = "online", "网络咨询"

    agency = models.ForeignKey(
        Agency, verbose_name="受理机关", on_delete=models.PROTECT, related_name="consultations"
    )
    channel = models.CharField("咨询方式", max_length=10, choices=Channel.choices)
    received_at = models.DateTimeField("受理时间", db_index=True)
    topic = models.CharField("咨询主题", max_length=100)
    question = models.TextField("咨询内容", blank=True)
    answer = models.TextField("答复内容", blank=True)
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField("咨询人", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    application = models.ForeignKey(
        Application,
        verbose_name="转为申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "咨询"
        verbose_name_plural = "咨询"
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["agency", "received_at"], name="consult_agency_received"),
            models.Index(fields=["agency", "answered_at"], name="consult_agency_answered"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.topic}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None
