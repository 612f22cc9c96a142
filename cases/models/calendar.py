from django.db import models
from simple_history.models import HistoricalRecords


class CalendarDay(models.Model):
    """An exception to the Monday–Friday rule: a statutory holiday or a make-up working day (调休上班)."""

    day = models.DateField("日期", unique=True)
    workday = models.BooleanField("调休上班", help_text="勾选：周末调休上班；不勾选：放假")
    name = models.CharField("名称", max_length=50)
    source = models.CharField("来源", max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "节假日/调休"
        verbose_name_plural = "节假日/调休"
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day} {self.name}{'（上班）' if self.workday else ''}"


class CalendarYear(models.Model):
    """A year whose holiday arrangement has been entered; dates in other years are provisional."""

    year = models.PositiveSmallIntegerField("年度", unique=True)
    source = models.CharField("来源", max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "已公布节假日安排的年度"
        verbose_name_plural = "已公布节假日安排的年度"
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)
