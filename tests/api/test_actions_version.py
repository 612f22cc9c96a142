"""An action carrying a stale version is refused with 409 and saves nothing."""

import pytest

from tests.api.action_helpers import act, ok, snapshot

pytestmark = pytest.mark.django_db


def test_stale_version_is_409(case, as_handler):
    body = {
        "on": "2026-11-20",
        "days": 1,
        "approved_by": "jiangyi-supervisor",
        "reason": "r",
        "version": 1,
    }
    ok(act(as_handler, case, "extend", body), "open")
    before = snapshot(case)
    response = act(as_handler, case, "extend", body)  # the same version again: now stale
    assert response.status_code == 409
    assert "他人修改" in response.json()["non_field_errors"][0]
    assert snapshot(case) == before
