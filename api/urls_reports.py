from django.urls import path

from api.reports import AnnualReportView

urlpatterns = [
    path("annual/", AnnualReportView.as_view(), name="api-report-annual"),
]
