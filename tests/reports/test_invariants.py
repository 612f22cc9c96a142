"""Every report is checked; a breach is an error naming the cells, never a silent number."""

from datetime import date

import pytest

from cases.models import Applicant, Application, Consultation, Remedy
from cases.reports import build_report
from cases.reports.invariants import check_continuity, check_parts
from cases.reports.layout import error_cells
from cases.reports.publish import publish
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db


def invariants_of(report):
    return sorted({e["invariant"] for e in report["errors"]})


def test_a_clean_ledger_has_no_errors(book, township):
    book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 9), "partial")
    assert build_report(township, 2025)["errors"] == []


def test_concluded_without_a_valid_outcome_breaks_2_and_5(book, township):
    app = book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 9))
    Application.objects.filter(pk=app.pk).update(outcome="")
    report = build_report(township, 2025)
    assert invariants_of(report) == [2, 5]
    breach = next(e for e in report["errors"] if e["invariant"] == 2)
    assert "applications.rows.concluded_total.natural_person" in breach["cells"]
    assert "applications.rows.disclose.natural_person" in breach["cells"]
    assert "（七）总计为1" in breach["message"]


def test_an_unknown_applicant_type_breaks_the_row_sums(book, township):
    app = book.register(date(2025, 3, 3))
    Applicant.objects.filter(pk=app.applicant_id).update(type="alien")
    report = build_report(township, 2025)
    assert invariants_of(report) == [2]
    rows = {e["cells"][-1] for e in report["errors"]}
    assert (
        "applications.rows.new.total" in rows and "applications.rows.carried_forward.total" in rows
    )


def test_a_conclusion_dated_before_receipt_breaks_the_balance(book, township):
    app = book.register(date(2025, 3, 3))
    Application.objects.filter(pk=app.pk).update(concluded_on=date(2024, 12, 1), outcome="disclose")
    report = build_report(township, 2025)
    assert 1 in invariants_of(report)
    breach = next(
        e for e in report["errors"] if e["invariant"] == 1 and "natural_person" in e["cells"][0]
    )
    assert breach["cells"] == [
        "applications.rows.new.natural_person",
        "applications.rows.carried_over.natural_person",
        "applications.rows.concluded_total.natural_person",
        "applications.rows.carried_forward.natural_person",
    ]
    assert "一+二（1+0=1）不等于（七）总计+四（0+0=0）" in breach["message"]


def test_an_unknown_channel_breaks_the_layouts_agreement(book, township):
    app = book.register(date(2025, 3, 3))
    Application.objects.filter(pk=app.pk).update(channel="pigeon")
    report = build_report(township, 2025)
    assert invariants_of(report) == [5]
    assert "by_channel.total" in report["errors"][0]["cells"]


@pytest.mark.parametrize(
    "kind", ["reconsideration", "lawsuit_direct", "lawsuit_after_reconsideration", "complaint"]
)
def test_a_remedy_result_outside_the_four_breaks_4(book, township, kind):
    app = book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 9))
    remedy = book.remedy(app, kind, date(2025, 4, 1), "upheld", date(2025, 5, 1))
    Remedy.objects.filter(pk=remedy.pk).update(result="lost")
    report = build_report(township, 2025)
    assert invariants_of(report) == [4]
    assert report["errors"][0]["cells"][-1] == f"remedies.{kind}.total"


def test_an_unknown_consultation_channel_breaks_the_layouts_agreement(book, township):
    consultation = book.consult("hotline", at(2025, 3, 3), answered_at=at(2025, 3, 3, 11))
    Consultation.objects.filter(pk=consultation.pk).update(channel="pigeon")
    report = build_report(township, 2025)
    assert invariants_of(report) == [5]
    cells = {cell for e in report["errors"] for cell in e["cells"]}
    assert {"consultations.accepted.total", "consultations.handled.total"} <= cells


def test_a_case_changed_after_last_year_was_published_breaks_3(book, township, township_supervisor):
    app = book.register(date(2024, 12, 2))
    publish(user=township_supervisor, agency=township, year=2024)
    assert build_report(township, 2025)["errors"] == []
    # a backdated edit: the case is now concluded in 2024, which the published 2024 report did not know
    Application.objects.filter(pk=app.pk).update(
        concluded_on=date(2024, 12, 20), outcome="disclose"
    )
    report = build_report(township, 2025)
    assert invariants_of(report) == [3]
    assert report["errors"][0]["cells"] == [
        "2024:applications.rows.carried_forward.natural_person",
        "2025:applications.rows.carried_over.natural_person",
    ]
    assert "2024年度报告已发布" in report["errors"][0]["message"]
    # on the 2025 report's table only its own cell is marked, not the 2024 report's
    assert error_cells(report) == {
        "applications.rows.carried_over.natural_person",
        "applications.rows.carried_over.total",
    }


def test_a_case_changed_before_next_year_was_published_breaks_3(
    book, township, township_supervisor
):
    app = book.register(date(2024, 12, 2))
    publish(user=township_supervisor, agency=township, year=2025)
    assert build_report(township, 2024)["errors"] == []
    Application.objects.filter(pk=app.pk).update(
        concluded_on=date(2024, 12, 20), outcome="disclose"
    )
    report = build_report(township, 2024)
    assert invariants_of(report) == [3]
    assert report["errors"][0]["cells"] == [
        "2024:applications.rows.carried_forward.natural_person",
        "2025:applications.rows.carried_over.natural_person",
    ]
    assert "2025年度报告已发布" in report["errors"][0]["message"]


def test_continuity_and_parts_helpers_name_the_cells(book, township, county):
    book.register(date(2024, 12, 2))
    r2024, r2025 = build_report(township, 2024), build_report(township, 2025)
    assert check_continuity(r2024, r2025) == []
    r2025["applications"]["rows"]["carried_over"]["total"] = 7
    (breach,) = check_continuity(r2024, r2025)
    assert breach.invariant == 3 and breach.cells[1] == "2025:applications.rows.carried_over.total"
    both = build_report(county, 2024, include_children=True)
    assert check_parts(both, [build_report(county, 2024), r2024]) == []
    breaches = check_parts(both, [build_report(county, 2024)] * 2)  # the township left out
    assert {b.invariant for b in breaches} == {6}
    assert ("applications.rows.new.natural_person",) in [b.cells for b in breaches]
    book.fee(book.register(date(2024, 12, 2)), date(2024, 12, 3), paid_on=date(2024, 12, 4))
    both = build_report(county, 2024, include_children=True)
    breaches = check_parts(both, [build_report(county, 2024)] * 2)
    assert ("fees.charged_count",) in [b.cells for b in breaches]
    assert ("fees.charged_amount",) in [b.cells for b in breaches]
