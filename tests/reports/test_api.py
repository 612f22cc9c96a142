"""GET /api/v1/reports/annual/ — the JSON of api.md exactly, files on request, access by the chokepoint."""

import csv
import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook
from rest_framework.test import APIClient

from cases import outcomes
from cases.reports.publish import publish
from cases.reports.spec import COLUMNS

pytestmark = pytest.mark.django_db
URL = "/api/v1/reports/annual/"


@pytest.fixture
def api(township_supervisor):
    client = APIClient()
    client.force_authenticate(township_supervisor)
    return client


@pytest.fixture
def ledger(book):
    a = book.register(date(2025, 3, 3), channel="fax")
    book.conclude(a, date(2025, 3, 10), "decline.duplicate")
    book.register(date(2025, 12, 30), type="research_institution")
    return a


def test_the_json_of_api_md(api, ledger):
    response = api.get(URL, {"agency": "jiangyi", "year": 2025})
    assert response.status_code == 200
    body = response.json()
    assert {
        "agency",
        "year",
        "applications",
        "by_channel",
        "consultations",
        "remedies",
        "fees",
        "text",
    } <= set(body)
    assert body["agency"] == "jiangyi" and body["year"] == 2025
    apps = body["applications"]
    assert apps["columns"] == [
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total",
    ]  # fmt: skip
    assert list(apps["rows"]) == [
        "new",
        "carried_over",
        *outcomes.CODES,
        "concluded_total",
        "carried_forward",
    ]
    for cells in apps["rows"].values():
        assert list(cells) == list(COLUMNS) and all(isinstance(n, int) for n in cells.values())
    assert apps["rows"]["decline.duplicate"]["natural_person"] == 1
    assert apps["rows"]["carried_forward"] == dict.fromkeys(COLUMNS, 0) | {
        "research_institution": 1,
        "total": 1,
    }
    assert body["by_channel"] == {
        "in_person": 1,
        "letter": 0,
        "email": 0,
        "fax": 1,
        "online": 0,
        "total": 2,
    }
    assert set(body["consultations"]) == {"accepted", "handled"}
    assert body["consultations"]["accepted"] == {
        "on_site": 0,
        "hotline": 0,
        "online": 0,
        "total": 0,
    }
    assert set(body["remedies"]) == {
        "reconsideration",
        "lawsuit_direct",
        "lawsuit_after_reconsideration",
        "complaint",
    }
    for bucket in body["remedies"].values():
        assert bucket == {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}
    assert body["fees"] == {
        "charged_count": 0,
        "charged_amount": "0.00",
        "waived_count": 0,
        "waived_amount": "0.00",
    }
    assert set(body["text"]) == {"section_3", "section_5", "section_6", "section_7"}
    assert body["text"]["section_3"].startswith("2025年度我乡共收到政府信息公开申请2件")
    assert body["errors"] == []


def test_include_children(county_supervisor, ledger):
    client = APIClient()
    client.force_authenticate(county_supervisor)
    alone = client.get(URL, {"agency": "county", "year": 2025}).json()
    both = client.get(URL, {"agency": "county", "year": 2025, "include_children": "true"}).json()
    assert alone["applications"]["rows"]["new"]["total"] == 0
    assert both["applications"]["rows"]["new"]["total"] == 2 and both["include_children"] is True


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("csv", "text/csv"),
    ],
)
def test_files(api, ledger, fmt, content_type):
    response = api.get(URL, {"agency": "jiangyi", "year": 2025, "format": fmt})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert f"annual-report-jiangyi-2025.{fmt}" in response["Content-Disposition"]
    if fmt == "xlsx":
        ws = load_workbook(io.BytesIO(response.content))["三、申请情况"]
        assert next(r for r in ws.iter_rows(values_only=True) if "2.重复申请" in r)[3:] == (
            1,
            0,
            0,
            0,
            0,
            0,
            1,
        )
    elif fmt == "docx":
        table = Document(io.BytesIO(response.content)).tables[0]
        row = next(r for r in table.rows if r.cells[2].text == "2.重复申请")
        assert [c.text for c in row.cells[3:]] == ["1", "0", "0", "0", "0", "0", "1"]
    else:
        assert ",1,applications.rows.decline.duplicate.total" in response.content.decode(
            "utf-8-sig"
        )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"agency": "jiangyi"}, "year"),
        ({"agency": "jiangyi", "year": "二〇二五"}, "year"),
        ({"agency": "jiangyi", "year": 2007}, "year"),
        ({"agency": "jiangyi", "year": 2027}, "year"),
        ({"year": 2025}, "agency"),
        ({"agency": "jiangyi", "year": 2025, "format": "pdf"}, "format"),
        ({"agency": "jiangyi", "year": 2025, "include_children": "maybe"}, "include_children"),
        ({"agency": "jiang\x00yi", "year": 2025}, "agency"),
    ],
)
def test_bad_parameters_are_400_in_chinese(api, frozen_today, params, field):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert field in response.json()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in response.json()[field][0])


def test_access(people, county, frozen_today):
    client = APIClient()
    assert client.get(URL, {"agency": "jiangyi", "year": 2025}).status_code == 401
    client.force_authenticate(people[("jiangyi", "handler")])
    assert client.get(URL, {"agency": "jiangyi", "year": 2025}).status_code == 403
    client.force_authenticate(people[("jiangyi", "supervisor")])
    assert client.get(URL, {"agency": "county", "year": 2025}).status_code == 404
    assert client.get(URL, {"agency": "nowhere", "year": 2025}).status_code == 404
    client.force_authenticate(people[("county", "admin")])
    assert client.get(URL, {"agency": "jiangyi", "year": 2025}).status_code == 200


def test_token_authentication(township_supervisor, frozen_today):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=township_supervisor)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get(URL, {"agency": "jiangyi", "year": 2025}).status_code == 200


def test_the_schema_describes_it(api):
    schema = api.get("/api/v1/schema/", {"format": "json"})
    assert schema.status_code == 200
    doc = schema.json()
    op = doc["paths"]["/api/v1/reports/annual/"]["get"]
    assert {p["name"] for p in op["parameters"]} >= {"agency", "year", "include_children", "format"}
    content = op["responses"]["200"]["content"]
    assert "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" in content
    ref = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    report = doc["components"]["schemas"][ref]
    assert {"applications", "by_channel", "consultations", "remedies", "fees", "text"} <= set(
        report["properties"]
    )
    rows_ref = doc["components"]["schemas"][
        report["properties"]["applications"]["$ref"].rsplit("/", 1)[1]
    ]
    rows = doc["components"]["schemas"][rows_ref["properties"]["rows"]["$ref"].rsplit("/", 1)[1]]
    assert set(rows["properties"]) == {
        "new",
        "carried_over",
        *outcomes.CODES,
        "concluded_total",
        "carried_forward",
    }


def _csv_cells(content: bytes) -> dict[str, str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
    header = next(rows)
    code, value = header.index("代码"), header.index("数值")
    return {row[code]: row[value] for row in rows}


def test_a_published_report_is_served_as_published(api, client, book, township_supervisor):
    """Once published, the API gives the published numbers, in JSON and in every file, as the page
    and its downloads do; version=current gives the numbers as the cases stand now."""
    case = book.register(date(2025, 3, 3))
    published = publish(user=township_supervisor, agency=book.agency, year=2025)
    book.conclude(case, date(2025, 3, 10))  # a late entry dated back into 2025

    params = {"agency": "jiangyi", "year": 2025}
    body = api.get(URL, params).json()
    assert body["applications"] == published.data["applications"]
    assert body["applications"]["rows"]["carried_forward"]["total"] == 1
    assert body["published_at"].endswith("+08:00")

    client.force_login(township_supervisor)
    page_csv = _csv_cells(client.get("/reports/download/", params | {"format": "csv"}).content)
    api_csv = _csv_cells(api.get(URL, params | {"format": "csv"}).content)
    assert api_csv == page_csv
    assert api_csv["applications.rows.carried_forward.total"] == "1"

    now = api.get(URL, params | {"version": "current"}).json()
    assert now["published_at"] is None
    assert now["applications"]["rows"]["carried_forward"]["total"] == 0
    assert now["applications"]["rows"]["concluded_total"]["total"] == 1


def test_an_unpublished_report_says_so(api, ledger):
    assert api.get(URL, {"agency": "jiangyi", "year": 2025}).json()["published_at"] is None


def test_an_unknown_version_is_a_400(api, ledger):
    response = api.get(URL, {"agency": "jiangyi", "year": 2025, "version": "draft"})
    assert response.status_code == 400 and "version" in response.json()


def _key_order(value) -> list:
    """Every object's keys, in order, depth first (lists by position)."""
    if isinstance(value, dict):
        return [[k, _key_order(v)] for k, v in value.items()]
    if isinstance(value, list):
        return [_key_order(v) for v in value]
    return []


@pytest.mark.parametrize(
    "include_children", [False, True], ids=["one-office", "with-offices-below"]
)
def test_a_published_report_reads_in_the_order_of_a_computed_one(
    book, county_book, county_supervisor, include_children
):
    """PostgreSQL keeps a published report as jsonb, which sorts an object's keys by length: read back
    as stored, its rows came out as new, partial, disclose, … instead of the national table's order."""
    book.register(date(2025, 3, 3), content="低保申请材料")
    county_book.register(date(2025, 4, 1))
    publish(user=county_supervisor, agency=county_book.agency, year=2025, include_children=True)
    publish(user=county_supervisor, agency=county_book.agency, year=2025)
    client = APIClient()
    client.force_authenticate(county_supervisor)
    params = {"agency": "county", "year": 2025, "include_children": include_children}
    published = client.get(URL, params).json()
    current = client.get(URL, params | {"version": "current"}).json()
    if include_children:
        assert [o["agency"] for o in published["details"]["offices"]] == ["county", "jiangyi"]
    assert published["details"]["application_subjects"]
    assert published["published_at"] is not None
    assert _key_order(published) == _key_order(current)
    assert list(published["applications"]["rows"])[:3] == ["new", "carried_over", "disclose"]
