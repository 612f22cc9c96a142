from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

# the years the calendar holds: entered, covered and looked up (the API's ?year=, the page's year)
FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_MESSAGE = f"年度应在{FIRST_YEAR}年至{LAST_YEAR}年之间。"
WORKDAY_MESSAGE = "调休上班日应为周六或周日。"


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

    def clean(self) -> None:
        """The calendar service's rules, for the admin's form too."""
        if self.day is not None and not FIRST_YEAR <= self.day.year <= LAST_YEAR:
            raise ValidationError({"day": [YEAR_MESSAGE]})
        if self.day is not None and self.workday and self.day.weekday() < 5:
            raise ValidationError({"workday": [WORKDAY_MESSAGE]})


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

    def clean(self) -> None:
        """The calendar service's years, for the admin's form too (a year such as 20207 typed for
        2027 could not be counted: every recompute failed)."""
        if self.year is not None and not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValidationError({"year": [YEAR_MESSAGE]})
