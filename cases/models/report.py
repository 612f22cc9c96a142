from django.conf import settings
from django.db import models

from .agency import Agency


class PublishedReport(models.Model):
    """A frozen annual report: its numbers stay as published."""

    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="published_reports"
    )
    year = models.PositiveSmallIntegerField("年度")
    include_children = models.BooleanField("含下级机关", default=False)
    data = models.JSONField("发布时的数据")
    published_at = models.DateTimeField("发布时间", auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "已发布年报"
        verbose_name_plural = "已发布年报"
        ordering = ["-published_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "include_children"], name="unique_published_report"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度"
