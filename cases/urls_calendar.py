from django.urls import path

from cases.views import calendar

urlpatterns = [path("", calendar.calendar_page, name="calendar")]
