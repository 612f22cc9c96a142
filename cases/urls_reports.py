from django.urls import path

from cases.views import reports

urlpatterns = [
    path("", reports.report, name="report"),
    path("download/", reports.report_download, name="report-download"),
    path("publish/", reports.report_publish, name="report-publish"),
]
