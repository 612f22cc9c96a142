"""The list filters of api.md, each parsed by a FilterSet and applied by cases/selectors.py."""

from datetime import date

import pytest

from cases.services import handling
from cases.services.registration import ApplicantData

pytestmark = pytest.mark.django_db

COMPANY = ApplicantData(
    type="commercial_enterprise", name="元谋县金沙建材有限公司", credit_code="91350100M000100Y43"
)


@pytest.fixture
def cases(register, county, people, township_handler):
    """Five applications: two township, one county; overdue, due soon, concluded, by letter, a company."""
    old = register(received_on=date(2026, 9, 1), content="土地征收补偿方案")  # overdue
    soon = register(
        received_on=date(2026, 10, 30), channel="letter", content="低保名单"
    )  # due 2026-11-27
    done = register(received_on=date(2026, 11, 2), applicant=COMPANY, content="采矿许可证")
    handling.application_conclude(
        user=township_handler, application=done, on=date(2026, 11, 10), outcome="disclose"
    )
    fresh = register(received_on=date(2026, 11, 20), channel="online", content="危房改造补助")
    county_case = register(
        received_on=date(2026, 11, 3),
        agency=county,
        user=people[("county", "front_desk")],
        content="公路环评",
    )
    return {"old": old, "soon": soon, "done": done, "fresh": fresh, "county": county_case}


@pytest.fixture
def sup(api, people):
    return api(people[("county", "supervisor")])


def ids(response) -> set[int]:
    assert response.status_code == 200, response.json()
    return {a["id"] for a in response.json()["results"]}


def pk(cases, *names) -> set[int]:
    return {cases[n].pk for n in names}


def test_no_filter_lists_everything_visible(sup, cases):
    assert ids(sup.get("/api/v1/applications/")) == pk(
        cases, "old", "soon", "done", "fresh", "county"
    )


def test_agency_alone_or_with_the_offices_under_it(sup, cases):
    assert ids(sup.get("/api/v1/applications/?agency=county")) == pk(cases, "county")
    assert ids(sup.get("/api/v1/applications/?agency=county&include_children=true")) == pk(
        cases, "old", "soon", "done", "fresh", "county"
    )
    assert ids(sup.get("/api/v1/applications/?agency=jiangyi")) == pk(
        cases, "old", "soon", "done", "fresh"
    )


def test_status_channel_applicant_type_outcome(sup, cases):
    assert ids(sup.get("/api/v1/applications/?status=concluded")) == pk(cases, "done")
    assert ids(sup.get("/api/v1/applications/?status=open&agency=jiangyi")) == pk(
        cases, "old", "soon", "fresh"
    )
    assert ids(sup.get("/api/v1/applications/?channel=letter")) == pk(cases, "soon")
    assert ids(sup.get("/api/v1/applications/?applicant_type=commercial_enterprise")) == pk(
        cases, "done"
    )
    assert ids(sup.get("/api/v1/applications/?outcome=disclose")) == pk(cases, "done")
    assert ids(sup.get("/api/v1/applications/?outcome=partial")) == set()


def test_overdue_and_due_within(sup, cases):
    response = sup.get("/api/v1/applications/?overdue=true")
    assert ids(response) == pk(cases, "old")
    assert all(a["overdue"] for a in response.json()["results"])
    # soon: 20 working days after 2026-10-30 = 2026-11-27 (Fri), 3 working days from Tue 11-24
    assert ids(sup.get("/api/v1/applications/?due_within=3")) == pk(cases, "soon")
    assert ids(sup.get("/api/v1/applications/?due_within=2")) == set()
    assert ids(sup.get("/api/v1/applications/?due_within=30")) == pk(
        cases, "soon", "fresh", "county"
    )


def test_received_after_and_before_are_inclusive(sup, cases):
    assert ids(sup.get("/api/v1/applications/?received_after=2026-11-02")) == pk(
        cases, "done", "fresh", "county"
    )
    assert ids(sup.get("/api/v1/applications/?received_before=2026-10-30")) == pk(
        cases, "old", "soon"
    )
    assert ids(
        sup.get("/api/v1/applications/?received_after=2026-11-02&received_before=2026-11-03")
    ) == pk(cases, "done", "county")


def test_search_number_applicant_and_content(sup, cases):
    assert ids(sup.get("/api/v1/applications/", {"search": "金沙建材"})) == pk(cases, "done")
    assert ids(sup.get("/api/v1/applications/", {"search": "征收"})) == pk(cases, "old")
    assert ids(sup.get("/api/v1/applications/", {"search": cases["county"].number})) == pk(
        cases, "county"
    )
    assert ids(sup.get("/api/v1/applications/", {"search": "91350100M000100Y43"})) == pk(
        cases, "done"
    )


def test_ordering(sup, cases):
    def order(param):
        return [
            a["id"] for a in sup.get(f"/api/v1/applications/?ordering={param}").json()["results"]
        ]

    by_received = [cases[n].pk for n in ("old", "soon", "done", "county", "fresh")]
    assert order("received_on") == by_received
    assert order("-received_on") == by_received[::-1]
    assert order("") == by_received[::-1]  # the default
    deadlines = [
        a["deadline"]
        for a in sup.get("/api/v1/applications/?ordering=deadline&status=open").json()["results"]
    ]
    assert deadlines == sorted(deadlines)
    deadlines = [
        a["deadline"]
        for a in sup.get("/api/v1/applications/?ordering=-deadline&status=open").json()["results"]
    ]
    assert deadlines == sorted(deadlines, reverse=True)


def test_pagination(sup, cases):
    page = sup.get("/api/v1/applications/?page_size=2").json()
    assert page["count"] == 5 and len(page["results"]) == 2
    assert page["next"].endswith("page=2&page_size=2") and page["previous"] is None
    last = sup.get("/api/v1/applications/?page_size=2&page=3").json()
    assert len(last["results"]) == 1 and last["next"] is None
    assert sup.get("/api/v1/applications/?page=9").status_code == 404
    # the page the request names is read with the count; any other form goes through the paginator
    last_by_name = sup.get("/api/v1/applications/?page_size=2&page=last").json()
    assert last_by_name == last
    second = sup.get("/api/v1/applications/?page_size=2&page=2").json()
    assert second["count"] == 5 and second["previous"] and second["next"]
    ids = [a["id"] for p in (page, second, last) for a in p["results"]]
    assert len(set(ids)) == 5
    # as Django's paginator reads it: a full-width digit is still the number
    assert sup.get("/api/v1/applications/?page_size=2&page=１").json() == page
    for number in ("0", "-1", "abc", "99999999999999999999999"):
        response = sup.get(f"/api/v1/applications/?page={number}")
        assert response.status_code == 404, number
        assert response.json()["detail"]
    assert (
        len(sup.get("/api/v1/applications/?page_size=100000").json()["results"]) == 5
    )  # capped at 500


def test_township_staff_cannot_filter_on_the_county(api, township_handler, cases):
    response = api(township_handler).get("/api/v1/applications/?agency=county")
    assert response.status_code == 400
    assert response.json() == {"agency": ["找不到该机关，或您无权查看。"]}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=lost", "status"),
        ("channel=pigeon", "channel"),
        ("applicant_type=alien", "applicant_type"),
        ("outcome=maybe", "outcome"),
        ("ordering=number", "ordering"),
        ("due_within=abc", "due_within"),
        ("due_within=-1", "due_within"),
        ("due_within=1.5", "due_within"),
        ("due_within=99999999999999999999", "due_within"),
        ("received_after=2026-13-01", "received_after"),
        ("received_after=yesterday", "received_after"),
        ("received_before=9999-12-31", "received_before"),
        ("received_after=0001-01-01", "received_after"),
        ("received_after=2026-11-10&received_before=2026-11-01", "received_before"),
        ("agency=nowhere", "agency"),
        ("search=" + "x" * 100_000, "search"),
        ("search=a%00b", "search"),
    ],
)
def test_bad_filter_values_are_400_with_the_field(sup, cases, query, field):
    response = sup.get(f"/api/v1/applications/?{query}")
    assert response.status_code == 400
    assert field in response.json()
    assert all(isinstance(m, str) for m in response.json()[field])


def test_the_list_reads_its_page_through_the_compiled_queries(sup, cases):
    """The page's rows and events come through cases.querycache (compiled once per number of ids)."""
    from api.views.applications import events_by_ids, rows_by_ids

    page = sup.get("/api/v1/applications/?page_size=2").json()
    assert len(page["results"]) == 2
    assert ("default", 2) in rows_by_ids._compiled
    assert ("default", 2) in events_by_ids._compiled
