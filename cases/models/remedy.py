from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .application import Application


class Remedy(models.Model):
    """Administrative reconsideration, litigation or a complaint arising from a case (law.md §7)."""

    class Kind(models.TextChoices):
        RECONSIDERATION = "reconsideration", "行政复议"
        LAWSUIT_DIRECT = "lawsuit_direct", "行政诉讼（未经复议直接起诉）"
        LAWSUIT_AFTER_RECONSIDERATION = "lawsuit_after_reconsideration", "行政诉讼（复议后起诉）"
        COMPLAINT = "complaint", "申诉"

    class Result(models.TextChoices):
        PENDING = "pending", "尚未审结"
        UPHELD = "upheld", "结果维持"
        CORRECTED = "corrected", "结果纠正"
        OTHER = "other", "其他结果"

    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.PROTECT, related_name="remedies"
    )
    kind = models.CharField("类型", max_length=40, choices=Kind.choices)
    filed_on = models.DateField("提起日期", db_index=True)
    result = models.CharField("结果", max_length=10, choices=Result.choices, default=Result.PENDING)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "复议诉讼申诉"
        verbose_name_plural = "复议诉讼申诉"
        ordering = ["-filed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filed_on}"
