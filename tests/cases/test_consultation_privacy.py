"""A consultation's caller phone is shown in full only to those who may handle cases (承办人、负责人、
管理员); the front desk sees it masked, like an applicant's phone; another office gets a 404."""

import pytest
from django.urls import reverse

from cases.services.registration import consultation_register

pytestmark = pytest.mark.django_db

MOBILE = "13812345678"


@pytest.fixture
def consultation(consult):
    return consult(topic="申请期限", name="李四", phone=MOBILE)


def page(client, user, consultation):
    client.force_login(user)
    return client.get(reverse("consultation-detail", args=[consultation.pk]))


def test_front_desk_sees_the_phone_masked(client, people, consultation):
    response = page(client, people[("jiangyi", "front_desk")], consultation)
    assert response.status_code == 200
    html = response.content.decode()
    assert "李四 138****5678" in html
    assert MOBILE not in html


@pytest.mark.parametrize(
    "persona",
    [
        ("jiangyi", "handler"),
        ("jiangyi", "supervisor"),
        ("jiangyi", "admin"),
        ("county", "supervisor"),  # sees the township under the county
    ],
)
def test_those_who_handle_see_the_phone_in_full(client, people, consultation, persona):
    response = page(client, people[persona], consultation)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"李四 {MOBILE}" in html
    assert "138****5678" not in html


@pytest.mark.parametrize("persona", [("county", "front_desk"), ("county", "handler")])
def test_another_office_gets_a_404(client, people, consultation, persona):
    assert page(client, people[persona], consultation).status_code == 404


def test_a_landline_is_masked_too(client, frozen_today, township, township_front):
    c = consultation_register(
        user=township_front, agency=township, channel="hotline", topic="x", phone="0878-8211234"
    )
    html = page(client, township_front, c).content.decode()
    assert "0878-8211234" not in html and "********1234" in html


def test_no_phone_shows_nothing(client, frozen_today, township, township_front):
    c = consultation_register(user=township_front, agency=township, channel="hotline", topic="x")
    response = page(client, township_front, c)
    assert response.status_code == 200
    assert "<dt>咨询人</dt><dd>— </dd>" in response.content.decode()


@pytest.mark.parametrize("url", ["consultation-list", "home", "consultation-register"])
def test_front_desk_lists_do_not_show_the_phone(client, people, consultation, url):
    client.force_login(people[("jiangyi", "front_desk")])
    response = client.get(reverse(url))
    assert response.status_code == 200
    assert "申请期限" in response.content.decode()  # the consultation is listed...
    assert MOBILE not in response.content.decode()  # ...without its phone
