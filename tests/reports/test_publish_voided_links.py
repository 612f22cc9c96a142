"""What changed since publication, on the report page: a case voided after the report was published
(its numbers leave the report) is listed, named and marked voided — not linked to its page, which a
voided record no longer has (a 404). Cases still live are linked as before."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from cases.reports.publish import publish
from cases.services import voiding

pytestmark = pytest.mark.django_db


def test_a_case_voided_after_publication_is_listed_without_a_dead_link(
    client, book, township, township_supervisor, frozen_today
):
    voided = book.register(date(2025, 3, 3))
    kept = book.register(date(2025, 4, 7))
    publish(user=township_supervisor, agency=township, year=2025)
    frozen_today.shift(timedelta(hours=1))
    voiding.application_void(user=township_supervisor, application=voided, reason="重复登记")
    book.conclude(kept, date(2025, 5, 6))

    client.force_login(township_supervisor)
    page = client.get(reverse("report"), {"agency": township.code, "year": 2025})
    changes = {c.what: c for c in page.context["changes"]}
    assert set(changes) == {voided.number, kept.number}

    html = page.content.decode()
    assert f"{voided.number}（已作废）" in html
    for change in changes.values():  # every link on the list leads to a page
        if change.url:
            assert client.get(change.url).status_code == 200
    assert changes[kept.number].url == reverse("application-detail", args=[kept.pk])
    assert not changes[voided.number].url
