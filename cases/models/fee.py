from datetime import date

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .application import Application


class Fee(models.Model):
    """The fee of one application: one method, never two (law.md §5)."""

    class Method(models.TextChoices):
        PER_ITEM = "per_item", "按件计收"
        PER_PAGE = "per_page", "按量计收"
        COST = "cost", "成本费用（2008年《条例》）"

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="fee", verbose_name="申请"
    )
    method = models.CharField("计收方式", max_length=10, choices=Method.choices)
    items = models.PositiveIntegerField("计费件数", null=True, blank=True)
    prior_items = models.PositiveIntegerField("当月此前件数", null=True, blank=True)
    pages = models.PositiveIntegerField("页数", null=True, blank=True)
    cost_items = models.CharField(
        "收费项目", max_length=100, blank=True, help_text="检索费、复制费、邮寄费"
    )
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2)
    basis = models.TextField("收费依据", blank=True)
    standard = models.TextField("收费标准", blank=True)
    breakdown = models.TextField("计算过程", blank=True)
    notified_on = models.DateField("通知日期")
    pay_due_on = models.DateField("缴费截止日", null=True, blank=True)
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    waived_on = models.DateField("减免日期", null=True, blank=True)
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="减免批准人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    waive_reason = models.TextField("减免理由", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "费用"
        verbose_name_plural = "费用"
        indexes = [
            models.Index(fields=["paid_on"], name="fee_paid_on"),
            models.Index(fields=["waived_on"], name="fee_waived_on"),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.amount}元"

    def lapsed(self, on: date) -> bool:
        """The 20 working days to pay have passed by `on`: the application counts as abandoned, and
        only 逾期未缴费 concludes it (law.md §5)."""
        return self.pay_due_on is not None and on > self.pay_due_on

    @property
    def state(self) -> str:
        if self.paid_on:
            return "paid"
        if self.waived_on:
            return "waived"
        return "notified"
