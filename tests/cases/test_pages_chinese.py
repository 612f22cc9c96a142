"""The pages speak Chinese whatever language the browser asks for."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


@pytest.fixture
def front_client(client, township_front, frozen_today):
    client.force_login(township_front)
    return client


def test_form_errors_stay_chinese_for_an_english_browser(front_client, township):
    response = front_client.post(
        reverse("application-register"),
        {"agency": township.pk, "channel": "letter", "items": "x", "applicant_email": "bad"},
        **ENGLISH_BROWSER,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "该字段是必填项。" in page
    assert "This field is required." not in page
    assert "Enter a valid email address." not in page


def test_history_stays_chinese_for_an_english_browser(front_client, register):
    case = register()
    page = front_client.get(
        reverse("application-detail", args=[case.pk]), **ENGLISH_BROWSER
    ).content.decode()
    assert "Created" not in page
    assert "已创建" in page
