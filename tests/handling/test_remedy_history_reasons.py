"""A remedy's history says what was done to it, in words — its filing, its result with the date, a new
note — as the published report's list of what changed since shows it (it said only 新增 / 修改)."""

from datetime import date, timedelta

import pytest

from cases.reports.publish import changed_cases, publish
from cases.services import remedies

pytestmark = pytest.mark.django_db


def _reasons(remedy) -> list[str]:
    return [h.history_change_reason for h in remedy.history.order_by("history_id")]


def test_the_filing_the_result_and_a_note_say_so(case, handler):
    remedy = remedies.remedy_record(
        user=handler, application=case, kind="reconsideration", filed_on=date(2026, 11, 10)
    )
    remedies.remedy_update(
        user=handler, remedy=remedy, result="corrected", decided_on=date(2026, 11, 20)
    )
    remedies.remedy_update(user=handler, remedy=remedy, note="复议机关责令重新答复")
    assert _reasons(remedy) == [
        "登记行政复议（2026-11-10）：尚未审结",
        "行政复议结果：结果纠正（2026-11-20）",
        "说明改为：复议机关责令重新答复",
    ]


def test_an_update_that_changes_nothing_leaves_no_record(case, handler):
    remedy = remedies.remedy_record(
        user=handler, application=case, kind="complaint", filed_on=date(2026, 11, 10)
    )
    remedies.remedy_update(user=handler, remedy=remedy)
    assert remedy.history.count() == 1


def test_the_published_reports_changes_say_what_was_done_to_a_remedy(
    register, handler, sup, township, frozen_today
):
    app = register(received_on=date(2025, 12, 1))
    remedy = remedies.remedy_record(
        user=handler, application=app, kind="lawsuit_direct", filed_on=date(2025, 12, 10)
    )
    published = publish(user=sup, agency=township, year=2025)
    frozen_today.shift(timedelta(hours=1))
    remedies.remedy_update(
        user=handler, remedy=remedy, result="upheld", decided_on=date(2026, 3, 2)
    )
    changes = [c.change for c in changed_cases(published) if c.kind == "复议诉讼申诉"]
    assert changes == ["修改：行政诉讼（未经复议直接起诉）结果：结果维持（2026-03-02）"]
