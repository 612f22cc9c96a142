"""Publishing freezes a report: its numbers stay as published; what changed since is listed."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from cases.errors import StateConflict
from cases.models import Application, PublishedReport
from cases.reports import build_report
from cases.reports.publish import changed_cases, differences, publish
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db


def test_published_numbers_stay_as_published(book, township, township_supervisor, frozen_today):
    open_case = book.register(date(2025, 11, 3))
    published = publish(user=township_supervisor, agency=township, year=2025)
    assert published.data == build_report(township, 2025) | {"details": published.data["details"]}
    assert published.published_by == township_supervisor

    frozen_today.shift(timedelta(hours=2))
    book.conclude(open_case, date(2025, 12, 1), "partial")  # a late entry, dated back into 2025
    book.register(date(2025, 6, 1), type="legal_service_org")

    published.refresh_from_db()
    assert published.data["applications"]["rows"]["partial"]["total"] == 0
    assert published.data["applications"]["rows"]["new"]["total"] == 1
    current = build_report(township, 2025)
    diffs = {d.path: (d.published, d.current) for d in differences(published.data, current)}
    assert diffs["applications.rows.partial.natural_person"] == (0, 1)
    assert diffs["applications.rows.new.legal_service_org"] == (0, 1)
    assert diffs["applications.rows.carried_forward.natural_person"] == (1, 0)
    assert "applications.rows.carried_forward.total" not in diffs  # 1 then, 1 now (another case)
    labels = {d.label for d in differences(published.data, current)}
    assert "三、本年度办理结果 （二）部分公开 · 自然人" in labels

    changes = changed_cases(published)
    assert {c.what for c in changes} == {open_case.number, Application.objects.latest("id").number}
    assert all(c.kind == "申请" for c in changes)
    assert any("办结" in c.change for c in changes)


@pytest.mark.parametrize(
    "edit",
    [
        {"received_on": date(2026, 1, 5)},  # corrected into the next year
        {"agency_code": "county"},  # corrected to another office
    ],
    ids=["out-of-the-year", "out-of-the-office"],
)
def test_a_case_moved_out_of_the_report_is_listed(
    book, township, county, township_supervisor, frozen_today, edit
):
    """What changed since publication lists the cases counted before an edit as well as after it
    (an administrator's correction in the admin can move a case out of the year or the office)."""
    app = book.register(date(2025, 3, 3))
    published = publish(user=township_supervisor, agency=township, year=2025)
    frozen_today.shift(timedelta(hours=1))
    if "agency_code" in edit:
        app.agency = county
    else:
        app.received_on = edit["received_on"]
    app.save()  # as the admin's change form saves it (with its history)
    assert differences(published.data, build_report(township, 2025))
    assert [c.what for c in changed_cases(published)] == [app.number]


def test_nothing_changed_since(book, township, township_supervisor, frozen_today):
    book.register(date(2025, 11, 3))
    published = publish(user=township_supervisor, agency=township, year=2025)
    frozen_today.shift(timedelta(hours=1))
    book.register(date(2026, 2, 2))  # another year's case
    assert differences(published.data, build_report(township, 2025)) == []
    assert changed_cases(published) == []


def test_publishing_twice_is_refused(township, township_supervisor, frozen_today):
    publish(user=township_supervisor, agency=township, year=2024)
    with pytest.raises(StateConflict, match="已发布"):
        publish(user=township_supervisor, agency=township, year=2024)
    # the report with the offices below is a different report
    assert PublishedReport.objects.count() == 1


def test_the_current_year_cannot_be_published(township, township_supervisor, frozen_today):
    with pytest.raises(StateConflict, match="尚未结束"):
        publish(user=township_supervisor, agency=township, year=2026)


def test_a_report_with_errors_cannot_be_published(book, township, township_supervisor):
    app = book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 9))
    Application.objects.filter(pk=app.pk).update(outcome="")
    with pytest.raises(StateConflict, match="校验"):
        publish(user=township_supervisor, agency=township, year=2025)
    assert not PublishedReport.objects.exists()


def test_only_supervisors_and_admins_of_a_visible_office_publish(
    people, county, township, frozen_today
):
    with pytest.raises(PermissionDenied):
        publish(user=people[("jiangyi", "handler")], agency=township, year=2025)
    with pytest.raises(StateConflict):
        publish(user=people[("jiangyi", "supervisor")], agency=county, year=2025)
    report = publish(
        user=people[("county", "admin")], agency=county, year=2025, include_children=True
    )
    assert report.include_children and report.data["include_children"]


def test_a_published_report_is_read_only_in_the_admin(
    client, township, township_supervisor, frozen_today, django_user_model
):
    published = publish(user=township_supervisor, agency=township, year=2025)
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.cn", "pw"))
    url = f"/admin/cases/publishedreport/{published.pk}/change/"
    assert client.get(url).status_code == 200  # shown
    response = client.post(url, {"year": 2024, "data": "{}"})
    assert response.status_code == 403
    assert client.get("/admin/cases/publishedreport/add/").status_code == 403
    published.refresh_from_db()
    assert (published.year, published.data["year"]) == (2025, 2025)


def test_an_office_with_offices_below_agrees_with_their_published_reports(
    book, county_book, county, township, people, frozen_today
):
    """Invariant 6 with the offices' own reports as issued: once the township's report is published
    (frozen), the county's report with the offices below counts the township as its published report
    does, or says it does not — it is not published silently with another figure for the township."""
    book.register(date(2025, 3, 3))
    county_book.register(date(2025, 4, 1))
    publish(user=people[("jiangyi", "supervisor")], agency=township, year=2025)
    assert build_report(county, 2025, include_children=True)["errors"] == []  # nothing changed

    frozen_today.shift(timedelta(hours=1))
    book.register(date(2025, 6, 2), type="other_org")  # a late entry, dated back into 2025
    both = build_report(county, 2025, include_children=True)
    assert both["applications"]["rows"]["new"]["total"] == 3  # the cases as they stand now
    breaches = {cell for e in both["errors"] if e["invariant"] == 6 for cell in e["cells"]}
    assert breaches == {
        "applications.rows.new.other_org",
        "applications.rows.new.total",
        "applications.rows.carried_forward.other_org",
        "applications.rows.carried_forward.total",
        "by_channel.in_person",
        "by_channel.total",
    }
    assert all("姜驿乡人民政府2025年度报告已发布" in e["message"] for e in both["errors"])
    with pytest.raises(StateConflict, match="校验"):
        publish(
            user=people[("county", "supervisor")], agency=county, year=2025, include_children=True
        )
    # the county's own report is not the township's: no breach there
    assert build_report(county, 2025)["errors"] == []


def test_an_office_agrees_with_the_published_report_of_an_office_above_it(
    book, county, township, people, frozen_today
):
    """Invariant 6 the other way round: once the county's report with the offices below is published,
    its row for the township (各机关分列) is what the township's own report must say — a case changed
    since is a breach of the township's report, not a second figure published for the same cases."""
    book.register(date(2025, 3, 3))
    publish(user=people[("county", "supervisor")], agency=county, year=2025, include_children=True)
    assert build_report(township, 2025)["errors"] == []  # nothing changed

    frozen_today.shift(timedelta(hours=1))
    book.consult("hotline", at(2025, 5, 5), answered_at=at(2025, 5, 5, 11))
    own = build_report(township, 2025)
    assert own["consultations"]["accepted"]["total"] == 1  # the cases as they stand now
    assert [(e["invariant"], e["cells"]) for e in own["errors"]] == [
        (6, ["consultations.accepted.total"]),
        (6, ["consultations.handled.total"]),
    ]
    assert "元谋县人民政府（含下级机关）2025年度报告已发布" in own["errors"][0]["message"]
    with pytest.raises(StateConflict, match="校验"):
        publish(user=people[("jiangyi", "supervisor")], agency=township, year=2025)
