"""The one clock: every 'now' and 'today' in Gongkai comes from here, so tests can freeze it."""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate(timezone.now())
