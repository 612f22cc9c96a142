"""Every control of a list's filter bar has a name a screen reader reads: the search box, the office,
status, channel, applicant-type, answered and ordering choices, both dates of a range (they were named
by a placeholder or by nothing — read as 'combo box' or 'edit' — and a range's 至 date by nothing)."""

import pytest
from django.urls import reverse

from tests.a11y import accessible_name, controls, parse

pytestmark = pytest.mark.django_db

PAGES = {
    "application-list": ("front_desk", ["q", "agency", "status", "channel", "applicant_type",
                                        "received_after", "received_before", "ordering"]),
    "consultation-list": ("front_desk", ["q", "agency", "channel", "answered",
                                         "received_after", "received_before"]),
    "workbench": ("handler", ["scope", "flag", "status", "q"]),
    "board": ("supervisor", ["agency"]),
}  # fmt: skip


@pytest.mark.parametrize("name", PAGES)
def test_every_filter_has_a_name(client, people, frozen_today, name):
    role, expected = PAGES[name]
    client.force_login(people[("county", role)])
    doc = parse(client.get(reverse(name)))
    form = doc.find_class("filters")[0]
    names = {control.get("name"): accessible_name(doc, control) for control in controls(form)}
    assert set(expected) <= set(names)
    assert {field: label for field, label in names.items() if not label} == {}
    assert len(set(names.values())) == len(names)  # the two dates of a range told apart
