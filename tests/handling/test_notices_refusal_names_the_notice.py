"""A notice the case does not have is refused in Chinese, naming that notice (it said 文书 for every
step's notice)."""

from datetime import date

import pytest
from django.urls import reverse

from cases.notices import NoticeUnavailable

from .notice_helpers import notice

pytestmark = pytest.mark.django_db
D = date


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("supplement", "补正告知书"),
        ("extension", "延期答复告知书"),
        ("deadline", "延迟答复告知书"),
        ("consultation", "第三方意见征询函"),
    ],
)
def test_refusal_names_the_notice(case, kind, title):
    with pytest.raises(NoticeUnavailable, match=f"本申请没有可生成的{title}"):
        notice(case, kind)


def test_the_page_says_which_notice_is_missing(handler_client, case):
    response = handler_client.get(reverse("notice", args=[case.pk, "extension"]))
    assert response.status_code == 404
    assert "本申请没有可生成的延期答复告知书" in response.content.decode()
