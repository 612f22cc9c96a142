"""A field's error and help text are read with the field: the aria-describedby Django puts on the
input points at elements that exist and hold them (a screen reader announced an invalid field with
no message)."""

import pytest
from django.urls import reverse

from tests.a11y import controls, described_by, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_client(client, township_front, frozen_today):
    client.force_login(township_front)
    return client


def every_description_exists(doc) -> None:
    for control in controls(doc):
        assert None not in described_by(doc, control), control.get("name")


def test_a_registration_error_is_read_with_its_field(front_client, township):
    response = front_client.post(
        reverse("application-register"),
        {"agency": township.pk, "channel": "letter", "applicant_email": "bad", "items": "1"},
    )
    doc = parse(response)
    email = doc.get_element_by_id("id_applicant_email")
    assert email.get("aria-invalid") == "true"
    assert described_by(doc, email) == ["请输入合法的邮件地址。"]
    received = doc.get_element_by_id("id_received_on")
    assert described_by(doc, received) == [
        "邮寄的，以本机关签收之日为收到申请之日；平常信函以与申请人确认之日为准",
        "该字段是必填项。",
    ]
    every_description_exists(doc)


def test_a_help_text_is_read_with_its_field(client, township_handler, register):
    client.force_login(township_handler)
    case = register()
    doc = parse(client.get(reverse("application-action", args=[case.pk, "extend"])))
    days = doc.get_element_by_id("id_days")
    assert described_by(doc, days) and all(described_by(doc, days))
    every_description_exists(doc)


def test_the_report_form_error_is_read_with_its_field(client, township_supervisor, frozen_today):
    client.force_login(township_supervisor)
    doc = parse(client.get(reverse("report"), {"year": "1800"}))
    year = doc.get_element_by_id("id_year")
    assert year.get("aria-invalid") == "true"
    (message,) = described_by(doc, year)
    assert message is not None and "年度" in message
    every_description_exists(doc)
