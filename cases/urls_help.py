"""The in-app help (mounted at /help/): the index, and each page under its own name (help-<slug>)."""

from django.urls import path

from cases.helpdocs import PAGES
from cases.views import help as views

urlpatterns = [
    path("", views.index, name="help"),
    *(path(f"{p.slug}/", views.page, {"slug": p.slug}, name=p.url_name) for p in PAGES),
]
