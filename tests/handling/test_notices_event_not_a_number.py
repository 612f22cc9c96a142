"""A notice's ?event= that Python calls digits but int() cannot read (a superscript ², a circled ①,
as an input method may give) was a 500 on the printable page and the Word download; it is now taken
as any other value that is no number: the case's notice of that kind."""

from datetime import date

import pytest
from django.urls import reverse

from cases.services import handling

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["notice", "notice-docx"])
@pytest.mark.parametrize("event", ["²", "①", "1²", "abc"])
def test_an_event_that_is_no_number_gives_the_cases_notice(
    handler_client, case, handler, page, event
):
    handling.application_request_supplement(
        user=handler, application=case, on=date(2026, 11, 3), items_to_supplement="请写明年度"
    )
    response = handler_client.get(reverse(page, args=[case.pk, "supplement"]), {"event": event})
    assert response.status_code == 200
    if page == "notice":
        assert "补正告知书" in response.content.decode()
    else:
        assert response["Content-Disposition"].startswith("attachment")
