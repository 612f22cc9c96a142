"""The one clock: every 'now' and 'today' in Gongkai comes from here, so tests can freeze it."""

from datetime import date, datetime

from django.utils import timezone

# the dates any input may carry (API fields, the lists' filters): a year-9999 date plus one day is an
# OverflowError in the calendar arithmetic and the day bounds
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
DATE_RANGE_MESSAGE = f"日期应在{EARLIEST_YEAR}年至{LATEST_YEAR}年之间。"
TIME_RANGE_MESSAGE = f"时间应在{EARLIEST_YEAR}年至{LATEST_YEAR}年之间。"


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate(timezone.now())
