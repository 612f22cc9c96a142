"""The board lists at most list_limit cases in each section. Where a section has more, the page says
so; the due-soon section, like the overdue one, links to the whole list in the ledger, which keeps that
filter when the supervisor filters further or pages on."""

from functools import partial

import pytest
from django.urls import reverse

from cases.clocksync import due_soon_days
from cases.selectors_board import build_board

pytestmark = pytest.mark.django_db


@pytest.fixture
def board_of_one(monkeypatch):
    """The board page with one case listed per section (the township has 2 due soon)."""
    monkeypatch.setattr("cases.views.board.build_board", partial(build_board, list_limit=1))


def section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("</section>", start)]


def test_a_truncated_due_soon_list_says_so_and_links_to_all(world, sup_client, board_of_one):
    page = sup_client.get(reverse("board")).content.decode()
    due_soon = section(page, "due-soon")
    assert "即将到期（2）" in due_soon
    assert "仅显示前1件" in due_soon
    link = f"{reverse('application-list')}?due_within={due_soon_days()}&ordering=deadline"
    assert link in due_soon

    ledger = sup_client.get(
        reverse("application-list"), {"due_within": due_soon_days(), "ordering": "deadline"}
    ).content.decode()
    assert "共 2 条" in ledger
    # the filter form sends it again, so filtering further keeps to the due-soon cases
    assert f'name="due_within" value="{due_soon_days()}" checked' in ledger


def test_sections_not_truncated_say_nothing(world, sup_client):
    page = sup_client.get(reverse("board")).content.decode()
    assert "仅显示前" not in page
