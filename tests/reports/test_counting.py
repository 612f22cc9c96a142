"""Section 三 and the other counts on hand-built ledgers whose tables are known (annual-report.md rules)."""

from datetime import date, timedelta

import pytest

from cases import outcomes
from cases.reports import ReportYearError, build_report
from cases.reports.spec import APPLICANT_TYPES, COLUMNS, ROWS
from cases.services.voiding import application_void, consultation_void
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db


def table(report, row):
    return report["applications"]["rows"][row]


def nonzero(report):
    """{(row, column): n} for every non-zero cell of section 三."""
    return {
        (row, col): n
        for row, cells in report["applications"]["rows"].items()
        for col, n in cells.items()
        if n
    }


def test_every_row_and_column_is_present_with_zeros(township, frozen_today):
    report = build_report(township, 2025)
    assert report["applications"]["columns"] == list(COLUMNS)
    assert list(report["applications"]["rows"]) == list(ROWS)
    assert set(ROWS) >= set(outcomes.CODES)
    for cells in report["applications"]["rows"].values():
        assert cells == dict.fromkeys(COLUMNS, 0)
    assert report["by_channel"] == {
        "in_person": 0,
        "letter": 0,
        "email": 0,
        "fax": 0,
        "online": 0,
        "total": 0,
    }
    assert report["fees"] == {
        "charged_count": 0,
        "charged_amount": "0.00",
        "waived_count": 0,
        "waived_amount": "0.00",
    }
    assert report["errors"] == []


def test_carry_over_across_years_and_conclusion_the_year_after(book, township):
    a = book.register(date(2024, 12, 20))  # concluded the year after it was received
    book.conclude(a, date(2025, 1, 10), "partial")
    g = book.register(date(2022, 12, 1), type="other_org")  # open for more than two years
    book.conclude(g, date(2025, 2, 1), "disclose")
    d = book.register(date(2025, 6, 2), type="research_institution", channel="fax")
    book.conclude(d, date(2026, 1, 5), "disclose")
    c = book.register(date(2025, 12, 29), type="other_org", channel="letter")  # still open
    old = book.register(date(2023, 5, 5), type="legal_service_org")
    book.conclude(old, date(2023, 5, 20), "disclose")  # nothing to do with 2024–2026

    r2023 = build_report(township, 2023)
    assert nonzero(r2023) == {
        ("carried_over", "other_org"): 1, ("carried_over", "total"): 1,
        ("new", "legal_service_org"): 1, ("new", "total"): 1,
        ("disclose", "legal_service_org"): 1, ("disclose", "total"): 1,
        ("concluded_total", "legal_service_org"): 1, ("concluded_total", "total"): 1,
        ("carried_forward", "other_org"): 1, ("carried_forward", "total"): 1,
    }  # fmt: skip
    r2024 = build_report(township, 2024)
    assert nonzero(r2024) == {
        ("new", "natural_person"): 1, ("new", "total"): 1,
        ("carried_over", "other_org"): 1, ("carried_over", "total"): 1,
        ("carried_forward", "natural_person"): 1, ("carried_forward", "other_org"): 1,
        ("carried_forward", "total"): 2,
    }  # fmt: skip
    r2025 = build_report(township, 2025)
    assert nonzero(r2025) == {
        ("new", "research_institution"): 1, ("new", "other_org"): 1, ("new", "total"): 2,
        ("carried_over", "natural_person"): 1, ("carried_over", "other_org"): 1, ("carried_over", "total"): 2,
        ("partial", "natural_person"): 1, ("partial", "total"): 1,
        ("disclose", "other_org"): 1, ("disclose", "total"): 1,
        ("concluded_total", "natural_person"): 1, ("concluded_total", "other_org"): 1,
        ("concluded_total", "total"): 2,
        ("carried_forward", "research_institution"): 1, ("carried_forward", "other_org"): 1,
        ("carried_forward", "total"): 2,
    }  # fmt: skip
    r2026 = build_report(township, 2026)
    assert table(r2026, "carried_over") == table(r2025, "carried_forward")
    assert table(r2026, "disclose")["research_institution"] == 1
    assert table(r2026, "carried_forward")["other_org"] == 1  # c is still open today
    assert r2025["by_channel"] == {
        "in_person": 0,
        "letter": 1,
        "email": 0,
        "fax": 1,
        "online": 0,
        "total": 2,
    }
    for r in (r2023, r2024, r2025, r2026):
        assert r["errors"] == []
    assert c.concluded_on is None


def test_every_outcome_row_and_every_applicant_column(book, township):
    for i, code in enumerate(outcomes.CODES):
        kind = APPLICANT_TYPES[i % len(APPLICANT_TYPES)]
        app = book.register(date(2025, 3, 3) + timedelta(days=i), type=kind)
        book.conclude(app, date(2025, 6, 30), code)
    report = build_report(township, 2025)
    for i, code in enumerate(outcomes.CODES):
        kind = APPLICANT_TYPES[i % len(APPLICANT_TYPES)]
        assert table(report, code) == {c: (1 if c in (kind, "total") else 0) for c in COLUMNS}, code
    n = len(outcomes.CODES)
    assert table(report, "new")["total"] == n == table(report, "concluded_total")["total"]
    assert table(report, "new")["natural_person"] == 4  # codes 0, 6, 12, 18
    assert table(report, "new")["other_org"] == 3  # codes 5, 11, 17
    assert table(report, "carried_forward")["total"] == 0
    assert report["errors"] == []
    # other.fee_unpaid left a fee notice that was never paid: neither charged nor waived
    assert report["fees"]["charged_count"] == report["fees"]["waived_count"] == 0


def test_withdrawal_is_other_processing(book, township):
    app = book.register(date(2025, 4, 1), type="public_interest_org", channel="online")
    book.withdraw(app, date(2025, 4, 3))
    report = build_report(township, 2025)
    assert table(report, "other.other") == {
        c: int(c in ("public_interest_org", "total")) for c in COLUMNS
    }
    assert table(report, "carried_forward")["total"] == 0
    assert report["by_channel"]["online"] == 1


def test_voided_cases_are_never_counted(book, township, township_supervisor):
    app = book.register(date(2025, 5, 5))
    book.conclude(app, date(2025, 5, 6))
    kept = book.register(date(2025, 5, 7))
    consultation = book.consult("hotline", at(2025, 5, 5), answered_at=at(2025, 5, 5, 11))
    book.fee(kept, date(2025, 5, 8), paid_on=date(2025, 5, 9))
    book.remedy(app, "reconsideration", date(2025, 6, 1))
    application_void(user=township_supervisor, application=app, reason="重复登记")
    consultation_void(user=township_supervisor, consultation=consultation, reason="误登")
    report = build_report(township, 2025)
    assert table(report, "new")["total"] == 1
    assert table(report, "disclose")["total"] == 0
    assert report["consultations"]["accepted"]["total"] == 0
    assert report["remedies"]["reconsideration"]["total"] == 0
    assert report["fees"]["charged_count"] == 1
    assert report["details"]["application_subjects"] == [{"subject": "财政预决算", "count": 1}]
    assert report["details"]["consultation_topics"] == []


def test_remedies_count_in_the_year_filed_with_the_result_on_31_december(book, township):
    a = book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 10))
    book.remedy(a, "reconsideration", date(2025, 6, 1), "upheld", date(2025, 9, 1))
    book.remedy(a, "reconsideration", date(2025, 6, 2), "other", date(2025, 12, 31))
    book.remedy(
        a, "lawsuit_direct", date(2025, 11, 1), "corrected", date(2026, 2, 1)
    )  # decided later
    book.remedy(a, "lawsuit_after_reconsideration", date(2025, 7, 1))  # pending
    book.remedy(
        a, "lawsuit_after_reconsideration", date(2025, 7, 2), "corrected", date(2025, 10, 1)
    )
    book.remedy(a, "complaint", date(2025, 8, 1), "other", date(2025, 8, 20))
    book.remedy(
        a, "reconsideration", date(2026, 1, 2), "upheld", date(2026, 3, 1)
    )  # filed the year after
    r2025 = build_report(township, 2025)["remedies"]
    assert r2025 == {
        "reconsideration": {"upheld": 1, "corrected": 0, "other": 1, "pending": 0, "total": 2},
        "lawsuit_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1},
        "lawsuit_after_reconsideration": {
            "upheld": 0,
            "corrected": 1,
            "other": 0,
            "pending": 1,
            "total": 2,
        },
        "complaint": {"upheld": 0, "corrected": 0, "other": 1, "pending": 0, "total": 1},
    }
    r2026 = build_report(township, 2026)["remedies"]
    assert r2026["reconsideration"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 1,
    }
    assert r2026["lawsuit_direct"]["total"] == 0


def test_fees_count_in_the_year_paid_or_waived(book, township):
    paid = book.register(date(2025, 2, 3))
    book.fee(paid, date(2025, 2, 4), paid_on=date(2025, 2, 10), pages=45)  # 15 pages × 10 = 150
    waived = book.register(date(2025, 5, 5))
    book.fee(waived, date(2025, 5, 6), waived_on=date(2025, 5, 7), pages=45)
    late = book.register(date(2025, 12, 15))
    book.fee(late, date(2025, 12, 16), waived_on=date(2026, 1, 6), pages=120)  # 700 + 400 = 1100
    paid_next_year = book.register(date(2025, 12, 17))
    book.fee(paid_next_year, date(2025, 12, 18), paid_on=date(2026, 1, 5), pages=260)
    unpaid = book.register(date(2025, 3, 3))
    book.fee(unpaid, date(2025, 3, 4), pages=45)
    assert build_report(township, 2025)["fees"] == {
        "charged_count": 1, "charged_amount": "150.00", "waived_count": 1, "waived_amount": "150.00",
    }  # fmt: skip
    r2026 = build_report(township, 2026)["fees"]
    assert r2026["waived_count"] == 1 and r2026["waived_amount"] == "1100.00"
    assert r2026["charged_count"] == 1 and r2026["charged_amount"] == str(paid_next_year.fee.amount)


def test_cost_fees_of_the_2008_regulations(book, township):
    app = book.register(date(2015, 3, 2))
    book.fee(
        app, date(2015, 3, 3), paid_on=date(2015, 3, 5), method="cost", amount="12.50", pages=None
    )
    assert build_report(township, 2015)["fees"]["charged_amount"] == "12.50"


def test_consultations_accepted_and_handled_in_shanghai_years(book, township):
    book.consult(
        "on_site", at(2025, 1, 1, 0, 5), answered_at=at(2025, 1, 1, 0, 20)
    )  # 2024-12-31 UTC
    book.consult("hotline", at(2025, 12, 31, 23, 30), answered_at=at(2026, 1, 1, 0, 10))
    book.consult("online", at(2024, 12, 31, 23, 50), answered_at=at(2025, 1, 2, 9))
    book.consult("online", at(2025, 7, 1))  # never answered
    r = build_report(township, 2025)["consultations"]
    assert r["accepted"] == {"on_site": 1, "hotline": 1, "online": 1, "total": 3}
    assert r["handled"] == {"on_site": 1, "hotline": 0, "online": 1, "total": 2}
    # of those accepted in 2025, answered by 31 December (the hotline call only on 1 January)
    answered = build_report(township, 2025)["details"]["consultations_answered"]
    assert answered == {"on_site": 1, "hotline": 0, "online": 0, "total": 1}
    r2026 = build_report(township, 2026)["consultations"]
    assert r2026["handled"] == {"on_site": 0, "hotline": 1, "online": 0, "total": 1}
    assert r2026["accepted"]["total"] == 0


def test_channels_of_the_year(book, township):
    for channel, n in (("in_person", 3), ("letter", 2), ("email", 1), ("fax", 1), ("online", 4)):
        for _ in range(n):
            book.register(date(2025, 8, 1), channel=channel)
    book.register(date(2024, 8, 1), channel="email")  # last year's
    by_channel = build_report(township, 2025)["by_channel"]
    assert by_channel == {
        "in_person": 3,
        "letter": 2,
        "email": 1,
        "fax": 1,
        "online": 4,
        "total": 11,
    }


def test_office_with_offices_below_is_the_sum(book, county_book, county, township):
    a = book.register(date(2025, 3, 3), type="commercial_enterprise")
    book.conclude(a, date(2025, 3, 20), "unable.not_held")
    county_book.register(date(2024, 11, 4), type="natural_person")
    county_book.consult("on_site", at(2025, 5, 5), answered_at=at(2025, 5, 5, 11))
    alone = build_report(county, 2025)
    both = build_report(county, 2025, include_children=True)
    assert table(alone, "new")["total"] == 0 and table(alone, "carried_over")["total"] == 1
    assert table(both, "new")["commercial_enterprise"] == 1
    assert table(both, "carried_over")["natural_person"] == 1
    assert table(both, "unable.not_held")["total"] == 1
    assert both["consultations"]["accepted"]["on_site"] == 1
    assert [o["agency"] for o in both["details"]["offices"]] == ["county", "jiangyi"]
    county_book.consult("hotline", at(2025, 6, 6))  # not answered
    county_row = build_report(county, 2025, include_children=True)["details"]["offices"][0]
    assert (county_row["consultations_accepted"], county_row["consultations_handled"]) == (2, 1)
    assert (county_row["new"], county_row["carried_over"], county_row["carried_forward"]) == (
        0,
        1,
        1,
    )
    assert both["errors"] == [] and both["include_children"] is True
    # the township's own report does not include its parent
    assert table(build_report(township, 2025, include_children=True), "carried_over")["total"] == 0


def test_the_first_and_last_days_of_a_year_belong_to_it(book, township):
    """annual-report.md: received, concluded, paid, waived and filed "within the year" include
    1 January and 31 December."""
    last_day = book.register(date(2025, 12, 31), type="commercial_enterprise")  # still open
    across = book.register(date(2024, 12, 31), type="research_institution")
    book.conclude(across, date(2025, 1, 1))
    whole_year = book.register(date(2025, 1, 1), type="public_interest_org")
    book.conclude(whole_year, date(2025, 12, 31))
    book.fee(book.register(date(2025, 12, 1), type="legal_service_org"), date(2025, 12, 10),
             paid_on=date(2025, 12, 31))  # fmt: skip
    book.fee(book.register(date(2024, 12, 9), type="other_org"), date(2024, 12, 10),
             paid_on=date(2025, 1, 1))  # fmt: skip
    book.fee(book.register(date(2024, 12, 9)), date(2024, 12, 10), waived_on=date(2025, 1, 1))
    book.fee(book.register(date(2025, 12, 8)), date(2025, 12, 9), waived_on=date(2025, 12, 31))
    book.remedy(across, "reconsideration", date(2025, 1, 1))
    book.remedy(whole_year, "lawsuit_direct", date(2025, 12, 31), "upheld", date(2025, 12, 31))

    r2025 = build_report(township, 2025)
    assert table(r2025, "new") == dict.fromkeys(COLUMNS, 0) | {
        "commercial_enterprise": 1, "public_interest_org": 1, "legal_service_org": 1,
        "natural_person": 1, "total": 4,
    }  # fmt: skip
    assert table(r2025, "carried_over") == dict.fromkeys(COLUMNS, 0) | {
        "research_institution": 1, "other_org": 1, "natural_person": 1, "total": 3,
    }  # fmt: skip
    assert table(r2025, "concluded_total") == dict.fromkeys(COLUMNS, 0) | {
        "research_institution": 1, "public_interest_org": 1, "total": 2,
    }  # fmt: skip
    assert table(r2025, "carried_forward")["total"] == 5
    assert table(r2025, "carried_forward")["commercial_enterprise"] == 1
    assert r2025["fees"] == {
        "charged_count": 2, "charged_amount": "300.00", "waived_count": 2, "waived_amount": "300.00",
    }  # fmt: skip
    assert r2025["remedies"]["reconsideration"]["pending"] == 1
    assert r2025["remedies"]["lawsuit_direct"]["upheld"] == 1
    assert r2025["errors"] == []
    r2024 = build_report(township, 2024)
    assert table(r2024, "new")["total"] == table(r2024, "carried_forward")["total"] == 3
    assert table(r2024, "concluded_total")["total"] == 0
    assert r2024["fees"]["charged_count"] == r2024["fees"]["waived_count"] == 0
    assert r2024["remedies"]["reconsideration"]["total"] == 0
    assert table(build_report(township, 2026), "carried_over")["total"] == 5
    assert last_day.concluded_on is None


def test_main_subjects_and_topics_are_the_years_most_frequent(book, township):
    long_subject = "关于" + "某某镇" * 13  # 41 characters: shortened to 39 and an ellipsis
    exactly_40 = "请公开" + "农村危房改造" * 6 + "名"  # kept whole
    for content, n in (("财政预决算", 4), (long_subject, 3), (exactly_40, 2), ("征地补偿", 1)):
        for _ in range(n):
            book.register(date(2025, 5, 6), content=content)
    for _ in range(5):
        book.register(date(2026, 1, 5), content="明年的申请")  # another year's
    for topic, n in (
        ("低保", 6),
        ("公开目录", 5),
        ("收费", 4),
        ("依申请", 3),
        ("年报", 2),
        ("其他", 1),
    ):
        for _ in range(n):
            book.consult("online", at(2025, 7, 1), topic=topic)
    details = build_report(township, 2025)["details"]
    assert len(long_subject) == 41 and len(exactly_40) == 40
    assert details["application_subjects"] == [
        {"subject": "财政预决算", "count": 4},
        {"subject": long_subject[:39] + "…", "count": 3},
        {"subject": exactly_40, "count": 2},
    ]
    assert details["consultation_topics"] == [
        {"topic": t, "count": n}
        for t, n in (("低保", 6), ("公开目录", 5), ("收费", 4), ("依申请", 3), ("年报", 2))
    ]


def test_a_report_is_for_a_year_from_2008_to_this_one(township, frozen_today):
    with pytest.raises(ReportYearError):
        build_report(township, 2007)
    with pytest.raises(ReportYearError):
        build_report(township, 2027)  # today is in 2026
    assert build_report(township, 2008)["year"] == 2008
    assert build_report(township, 2026)["year"] == 2026


def test_the_national_format_is_for_reports_on_2021_and_later(township, frozen_today):
    # annual-report.md B: 国办公开办函〔2021〕30号, used for reports on 2021 and later
    assert build_report(township, 2021)["details"]["national_format"] is True
    assert build_report(township, 2020)["details"]["national_format"] is False
