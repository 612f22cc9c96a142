"""An office in the address that the user may not see (or that does not exist) is left out of the
filter, and the page says so — as it says of a bad date — instead of silently listing every office the
user sees under a filter that looks applied."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["application-list", "consultation-list", "board"])
@pytest.mark.parametrize("code", ["county", "nowhere"])
def test_an_office_out_of_sight_is_left_out_and_said(
    client, township_supervisor, frozen_today, page, code
):
    client.force_login(township_supervisor)  # sees the township, not the county above it
    response = client.get(reverse(page), {"agency": code})
    assert response.status_code == 200
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert said == ["筛选条件“机关”不存在或不在您的查看范围内，本次未按它筛选。"]


def test_an_office_in_sight_filters_without_a_word(client, township_supervisor, frozen_today):
    client.force_login(township_supervisor)
    response = client.get(reverse("application-list"), {"agency": "jiangyi"})
    assert [str(m) for m in get_messages(response.wsgi_request)] == []
