"""A group of radio buttons is named by its question: 咨询方式, 计收方式, 征求意见对象类型 are the
legend of the group's fieldset (each was a <label for=""> that named nothing, so a screen reader read
电话 / 按件计收 / 第三方 with no question), and the group's help text is read with it."""

import pytest
from django.urls import reverse

from tests.a11y import accessible_name, controls, described_by, group_name, parse

pytestmark = pytest.mark.django_db


def radios(doc, name):
    found = [c for c in controls(doc) if c.get("type") == "radio" and c.get("name") == name]
    assert found, name
    return found


def no_empty_label(doc):
    assert [label for label in doc.iter("label") if label.get("for") == ""] == []


def test_the_consultation_channel_is_a_named_group(client, township_front, frozen_today):
    client.force_login(township_front)
    doc = parse(client.get(reverse("consultation-register")))
    for radio in radios(doc, "channel"):
        assert group_name(radio) == "咨询方式"
        assert accessible_name(doc, radio)  # 电话, 当面, …
    no_empty_label(doc)


@pytest.mark.parametrize(
    ("action", "name", "question"),
    [
        ("notify-fee", "method", "计收方式"),
        ("start-consultation", "party_kind", "征求意见对象类型"),
    ],
)
def test_a_handlers_choice_is_a_named_group(
    client, township_handler, register, action, name, question
):
    client.force_login(township_handler)
    case = register()
    doc = parse(client.get(reverse("application-action", args=[case.pk, action])))
    for radio in radios(doc, name):
        assert group_name(radio) == question
        assert accessible_name(doc, radio)
    no_empty_label(doc)


def test_a_groups_help_and_error_are_read_with_it(client, township_handler, register):
    client.force_login(township_handler)
    case = register()
    response = client.post(
        reverse("application-action", args=[case.pk, "start-consultation"]),
        {"version": case.version, "on": "2026-11-20", "party": "某公司", "party_kind": "nobody"},
    )
    doc = parse(response)
    group = next(doc.get_element_by_id("id_party_kind_0").iterancestors("fieldset"))
    help_text, error = described_by(doc, group)
    assert help_text.startswith("第三方：《条例》第三十二条")
    assert "nobody" in error
