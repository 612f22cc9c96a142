"""A history record keeps its reason whole, however long the person wrote it (on PostgreSQL too, where
simple-history's default varchar(100) refused a long one with a database error)."""

from datetime import date

import pytest
import time_machine

from cases.services.calendar import calendar_mark_year_covered
from cases.services.voiding import application_void

pytestmark = pytest.mark.django_db


def test_a_long_void_reason_is_kept_whole(register, people):
    app = register(received_on=date(2026, 11, 2))
    reason = "登记错误：" + "申请人重复提交同一申请，" * 30
    application_void(user=people[("jiangyi", "supervisor")], application=app, reason=reason)
    assert app.history.order_by("-history_id").first().history_change_reason == (
        f"作废：{reason.strip()}"
    )


def test_a_long_calendar_source_is_kept_whole_in_every_moved_case(register, people):
    with time_machine.travel(date(2026, 12, 15), tick=False):
        app = register(received_on=date(2026, 12, 15))  # its deadline counted into 2027
    source = "国办发明电〔2026〕7号《国务院办公厅关于2027年部分节假日安排的通知》" * 4
    assert len(source) <= 200  # CalendarYear.source
    calendar_mark_year_covered(user=people[("jiangyi", "admin")], year=2027, source=source)
    reason = app.history.order_by("-history_id").first().history_change_reason
    assert reason.startswith(f"2027年节假日安排已公布（{source}）")
    assert len(reason) > 100
