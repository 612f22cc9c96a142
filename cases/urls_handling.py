"""The handler's and the supervisor's pages (mounted at the site root)."""

from django.urls import path

from cases.views import board, handling

urlpatterns = [
    path("workbench/", handling.workbench, name="workbench"),
    path("board/", board.board, name="board"),
    path(
        "applications/<int:pk>/act/<slug:action>/",
        handling.application_action,
        name="application-action",
    ),
    path("applications/<int:pk>/remedies/new/", handling.remedy_add, name="remedy-add"),
    path(
        "applications/<int:pk>/remedies/<int:remedy_pk>/",
        handling.remedy_edit,
        name="remedy-edit",
    ),
    path("applications/<int:pk>/notices/<slug:kind>/", handling.notice_page, name="notice"),
    path(
        "applications/<int:pk>/notices/<slug:kind>/docx/",
        handling.notice_docx,
        name="notice-docx",
    ),
]
