"""Each area of the pages keeps its own URL module."""

from django.urls import include, path

urlpatterns = [
    path("", include("cases.urls_handling")),
    path("reports/", include("cases.urls_reports")),
    path("calendar/", include("cases.urls_calendar")),
    path("help/", include("cases.urls_help")),
]
