"""Input fields with the bounds every API date, time and text must keep, so no input reaches the
database or the calendar arithmetic out of range (a year 9999 date plus one day is an OverflowError)."""

from datetime import date, datetime

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.timeutil import DATE_RANGE_MESSAGE, EARLIEST_YEAR, LATEST_YEAR, TIME_RANGE_MESSAGE

MAX_ID = 2**63 - 1
TEXT_MAX = 5000  # like the pages' forms


class BoundedDateField(serializers.DateField):
    """YYYY-MM-DD between 1900-01-01 and 2100-12-31."""

    default_error_messages = {"range": DATE_RANGE_MESSAGE}

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)

    def to_internal_value(self, value) -> date:
        if isinstance(value, datetime):  # a JSON body cannot carry one, but be strict anyway
            self.fail("datetime")
        day = super().to_internal_value(value)
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            self.fail("range")
        return day


class BoundedDateTimeField(serializers.DateTimeField):
    """An ISO 8601 datetime between 1900 and 2100 (no offset: Asia/Shanghai). A time so early or late
    that it has no UTC (year 1 without an offset, Python's datetime bounds) is out of range too: DRF
    refuses one with an offset ("overflow") and lets one without raise OverflowError."""

    default_error_messages = {"range": TIME_RANGE_MESSAGE, "overflow": TIME_RANGE_MESSAGE}

    def to_internal_value(self, value) -> datetime:
        try:
            moment = super().to_internal_value(value)
        except OverflowError:
            self.fail("range")
        local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        if not EARLIEST_YEAR <= local.year <= LATEST_YEAR:
            self.fail("range")
        return moment


class TextField(serializers.CharField):
    """Free text (trimmed), at most TEXT_MAX characters unless told otherwise."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", TEXT_MAX)
        super().__init__(**kwargs)


class IdField(serializers.IntegerField):
    """A primary key given in a body: a positive 64-bit integer."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


@extend_schema_field(OpenApiTypes.STR)
class UsernameField(serializers.CharField):
    """A member of staff named by username (e.g. the approver of an extension)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 150)
        super().__init__(**kwargs)
