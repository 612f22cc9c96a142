"""What the serializers share: ISO dates in the output, an office named by its code in the input."""

from datetime import date, datetime

from django.utils import timezone
from rest_framework import serializers

from cases import access
from cases.models import Agency


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def iso_datetime(value: datetime | None) -> str | None:
    """In the site's time zone (settings.TIME_ZONE; no request activates another): the zone is looked
    up once, not per value as timezone.localtime() does — a list page has ~160 of these."""
    return (
        value.astimezone(timezone.get_default_timezone()).isoformat() if value is not None else None
    )


class AgencyCodeField(serializers.CharField):
    """An office the caller may work for, named by its code; `not_found` when it is not one of theirs."""

    def __init__(self, *, not_found: str = "找不到该机关，或您无权为其登记。", **kwargs) -> None:
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("help_text", "机关代码")
        self.not_found = not_found
        super().__init__(**kwargs)

    def run_validation(self, data=serializers.empty) -> Agency:
        code = super().run_validation(data)
        agency = access.find_visible_agency(self.context["request"].user, code)
        if agency is None:
            raise serializers.ValidationError(self.not_found)
        return agency
