"""The pages speak Chinese whatever language the browser asks for, error pages included."""

import pytest
from django.test import override_settings
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


def test_not_found_page_is_chinese(front_client):
    response = front_client.get(reverse("application-detail", args=[999999]))
    page = response.content.decode()
    assert response.status_code == 404
    assert "Not Found" not in page
    assert "找不到该申请，或您无权查看。" in page
    assert reverse("home") in page  # a way back
    unknown = front_client.get("/no-such-page/").content.decode()
    assert "找不到您要的页面或记录" in unknown and "Resolver404" not in unknown


def test_permission_denied_page_is_chinese(front_client, register):
    case = register()
    response = front_client.get(reverse("void", args=["application", case.pk]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Forbidden" not in page
    assert "您没有执行此操作的权限。" in page


@override_settings(DEBUG=False)
def test_server_error_page_is_chinese(client):
    from django.views.defaults import server_error

    response = server_error(client.get("/").wsgi_request)
    page = response.content.decode()
    assert response.status_code == 500
    assert "Server Error" not in page
    assert "系统出错" in page
