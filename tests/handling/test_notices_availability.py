"""Which notices a case offers: none before the events that call for them, then those that follow
the events."""

from datetime import date

import pytest

from cases.models import Application
from cases.notices import NoticeUnavailable, available_notices
from cases.services import handling

from .notice_helpers import notice

pytestmark = pytest.mark.django_db
D = date


def test_notices_not_yet_available(case, handler):
    for kind in ("supplement", "extension", "deadline", "fee", "consultation", "reply"):
        with pytest.raises(NoticeUnavailable):
            notice(case, kind)
    with pytest.raises(NoticeUnavailable):
        notice(case, "poem")


def test_available_notices_follow_the_events(case, handler, sup):
    handling.application_start_consultation(
        user=handler, application=case, on=D(2026, 11, 5), party="甲"
    )
    handling.application_end_consultation(user=handler, application=case, on=D(2026, 11, 6))
    handling.application_extend(
        user=handler, application=case, on=D(2026, 11, 9), days=5, approved_by=sup, reason="r"
    )
    handling.application_conclude(
        user=handler, application=case, on=D(2026, 11, 20), outcome="disclose"
    )
    app = Application.objects.get(pk=case.pk)
    kinds = [link.kind for link in available_notices(app, list(app.events.all()), None)]
    assert kinds == ["consultation", "extension", "reply"]
