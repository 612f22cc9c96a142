"""The last day of a period is still in it. A supplement notice sent on its last day (Art. 30: within
7 working days) is not late on the board; a supplement due today has not yet passed on the
workbench (it passes tomorrow). And the workbench's search finds a case by the applicant's name, as
the ledger's does."""

from datetime import date

import pytest

from cases.selectors_board import WorkbenchFilters, build_board, build_workbench
from cases.services import handling

pytestmark = pytest.mark.django_db


def test_a_notice_sent_on_its_last_day_is_not_late(case, handler, sup):
    assert case.supplement_notice_due == date(2026, 11, 11)
    handling.application_request_supplement(
        user=handler, application=case, on=date(2026, 11, 11), items_to_supplement="身份证明"
    )
    board = build_board(sup)
    assert board.late_notices == [] and board.total.late_notices == 0


def test_a_supplement_due_today_has_not_passed(case, handler, sup):
    handling.application_assign(user=sup, application=case, handler=handler)
    handling.application_request_supplement(
        user=handler,
        application=case,
        on=date(2026, 11, 20),
        items_to_supplement="身份证明",
        due_on=date(2026, 11, 24),  # today
    )
    (row,) = build_workbench(handler, WorkbenchFilters()).waiting
    assert (row.due, row.due_passed) == (date(2026, 11, 24), False)


def test_the_workbench_finds_a_case_by_the_applicants_name(register, handler, applicant_data):
    from dataclasses import replace

    wanted = register(
        handler=handler,
        applicant=replace(applicant_data, name="李四", id_number="110105194912310038"),
    )
    register(handler=handler)  # 张三's
    bench = build_workbench(handler, WorkbenchFilters(q="李四"))
    assert [a.pk for a, _ in bench.running] == [wanted.pk]
