"""Shared pieces: nothing in Gongkai is hard-deleted; a mistaken entry is voided with a reason."""

from django.conf import settings
from django.db import models


class Voidable(models.Model):
    voided_at = models.DateTimeField("作废时间", null=True, blank=True)
    void_reason = models.TextField("作废原因", blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="作废人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None
