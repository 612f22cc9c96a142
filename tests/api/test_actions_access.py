"""Who may act on a case: the front desk gets 403, other offices 404, the parent supervisor may."""

import pytest

from tests.api.action_helpers import act

pytestmark = pytest.mark.django_db


def test_front_desk_may_not_act_other_offices_get_404(case, api, people, bureau_people):
    body = {"on": "2026-11-20", "party": "x"}
    assert (
        act(api(people[("jiangyi", "front_desk")]), case, "start-consultation", body).status_code
        == 403
    )
    assert act(api(bureau_people["handler"]), case, "start-consultation", body).status_code == 404
    assert (
        act(api(people[("county", "handler")]), case, "start-consultation", body).status_code == 404
    )
    assert (
        act(api(people[("county", "supervisor")]), case, "start-consultation", body).status_code
        == 200
    )
