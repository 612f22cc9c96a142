"""The notices of a case (law.md §4–§6): printable page, Word file, and the links on the case page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from cases import access
from cases.models import Application
from cases.notices import NoticeUnavailable, available_notices, build_notice
from cases.notices.docx import DOCX_TYPE, to_docx


def _notice_for(request: HttpRequest, pk: int, kind: str):
    application = access.get_application_for_user(request.user, pk)
    access.require(request.user, "handle")
    event = request.GET.get("event", "")
    try:
        return application, build_notice(
            application, kind, event_id=int(event) if event.isascii() and event.isdigit() else None
        )
    except NoticeUnavailable as exc:
        raise Http404(str(exc)) from None


@login_required
@require_GET
def notice_page(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    application, notice = _notice_for(request, pk, kind)
    query = request.GET.urlencode()
    docx_url = reverse("notice-docx", args=[pk, kind]) + (f"?{query}" if query else "")
    return render(
        request,
        "cases/handling/notice.html",
        {"application": application, "notice": notice, "docx_url": docx_url},
    )


@login_required
@require_GET
def notice_docx(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    _, notice = _notice_for(request, pk, kind)
    response = HttpResponse(to_docx(notice), content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, notice.filename)
    return response


def notice_links(application: Application, events, fee) -> list[dict]:
    out = []
    for link in available_notices(application, events, fee):
        query = f"?event={link.event_id}" if link.event_id else ""
        out.append(
            {
                "title": link.title,
                "dated": link.dated,
                "url": reverse("notice", args=[application.pk, link.kind]) + query,
                "docx": reverse("notice-docx", args=[application.pk, link.kind]) + query,
            }
        )
    return out
