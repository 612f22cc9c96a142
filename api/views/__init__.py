"""REST API v1 (api.md): thin views over the services and selectors the pages use.

Who may see and do what is decided in one place, cases/access.py: lists start from its querysets,
single objects come from its get_*_for_user (404 when not visible), writes ask can()/require().

base: what every view shares; offices: the token, offices and staff; applications: cases and the
actions on them; resources: consultations, remedies and the calendar.
"""

from .applications import ApplicationViewSet, RowsOf, application_rows, with_events_and_clocks
from .base import ApiMixin, not_found, parse_pk
from .offices import AgencyViewSet, StaffViewSet, TokenView
from .resources import CalendarView, ConsultationViewSet, RemedyViewSet

__all__ = [
    "AgencyViewSet",
    "ApiMixin",
    "ApplicationViewSet",
    "CalendarView",
    "ConsultationViewSet",
    "RemedyViewSet",
    "RowsOf",
    "StaffViewSet",
    "TokenView",
    "application_rows",
    "not_found",
    "parse_pk",
    "with_events_and_clocks",
]
