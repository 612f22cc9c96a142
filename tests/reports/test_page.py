"""The report page: supervisors and admins choose office and year and see both layouts as published."""

import io
import re
from datetime import date
from urllib.parse import quote

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from cases import outcomes
from cases.models import Application, PublishedReport
from cases.reports.spec import ROW_LABELS

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_2025(book):
    a = book.register(date(2024, 12, 20))
    book.conclude(a, date(2025, 1, 10), "partial")
    b = book.register(date(2025, 3, 3), type="commercial_enterprise", channel="email")
    book.conclude(b, date(2025, 3, 10), "withhold.state_secret")
    return a, b


def page(client, user, **params):
    client.force_login(user)
    return client.get(reverse("report"), params)


def test_supervisor_sees_both_layouts_of_last_year(client, township_supervisor, data_2025):
    response = page(client, township_supervisor)
    assert response.status_code == 200
    html = response.content.decode()
    assert "姜驿乡人民政府2025年度政府信息公开工作年度报告" in html
    # the national table: every row label, in the published order
    labels = [ROW_LABELS["new"], ROW_LABELS["carried_over"], "三、本年度办理结果",
              *(o.row for o in outcomes.OUTCOMES), "（七）总计", ROW_LABELS["carried_forward"]]  # fmt: skip
    positions = [html.index(label) for label in labels]
    assert positions == sorted(positions)
    row = re.search(r'data-row="new">(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r'<td class="n">(\d+)</td>', row) == ["0", "1", "0", "0", "0", "0", "1"]
    # the provincial sentences
    assert "2025年度我乡共收到政府信息公开申请1件，其中电子邮件申请1件" in html
    assert "本年度我乡未发生因政府信息公开与政务公开引发的申诉、行政复议和行政诉讼事项。" in html
    # actions and printing
    assert "发布（冻结）" in html
    assert "format=docx" in html and "format=xlsx" in html and "format=csv" in html
    assert "css/report.css" in html
    assert "校验" not in html.split("<main>")[1].split("report-actions")[0]  # no error box


@pytest.mark.parametrize("role", ["front_desk", "handler"])
def test_other_roles_are_refused(client, people, role, frozen_today):
    assert page(client, people[("jiangyi", role)]).status_code == 403
    client.force_login(people[("jiangyi", role)])
    assert (
        client.get(reverse("report-download"), {"year": 2025, "format": "csv"}).status_code == 403
    )


def test_an_office_out_of_sight_is_not_found(client, township_supervisor, county, frozen_today):
    assert page(client, township_supervisor, agency="county", year=2025).status_code == 404
    assert page(client, township_supervisor, agency="nowhere", year=2025).status_code == 404


def test_county_with_offices_below(client, county_supervisor, data_2025):
    response = page(client, county_supervisor, agency="county", year=2025, include_children="on")
    html = response.content.decode()
    assert "元谋县人民政府（含下级机关）2025年度" in html
    assert "各机关分列" in html and "姜驿乡人民政府" in html
    assert "本机关共收到政府信息公开申请1件" in html  # the county's short name


def test_a_bad_year_is_a_form_error(client, township_supervisor, frozen_today):
    response = page(client, township_supervisor, year=2031)
    assert response.status_code == 200
    assert "年度" in response.content.decode() and "shown" not in response.context


def test_breaches_are_shown_with_their_cells(client, township_supervisor, data_2025):
    Application.objects.filter(pk=data_2025[1].pk).update(outcome="")
    html = page(client, township_supervisor, year=2025).content.decode()
    assert "本报告未通过校验" in html
    assert "（七）总计 · 商业企业" in html  # the cell in words
    assert 'class="n bad"' in html
    assert "存在校验错误，不能发布" in html


def test_downloads(client, township_supervisor, data_2025):
    client.force_login(township_supervisor)
    url = reverse("report-download")
    xlsx = client.get(url, {"agency": "jiangyi", "year": 2025, "format": "xlsx"})
    assert xlsx["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    # named as the office files it (RFC 5987 for the Chinese name)
    name = "姜驿乡人民政府2025年度政府信息公开工作年度报告（统计部分）.xlsx"
    assert f"filename*=utf-8''{quote(name)}" in xlsx["Content-Disposition"]
    ws = load_workbook(io.BytesIO(xlsx.content))["三、申请情况"]
    assert next(r for r in ws.iter_rows(values_only=True) if "（七）总计" in r)[3:] == (
        1,
        1,
        0,
        0,
        0,
        0,
        2,
    )
    docx = client.get(url, {"agency": "jiangyi", "year": 2025, "format": "docx"})
    assert any(
        "共收到政府信息公开申请1件" in p.text for p in Document(io.BytesIO(docx.content)).paragraphs
    )
    csv = client.get(url, {"agency": "jiangyi", "year": 2025, "format": "csv"})
    assert "applications.rows.partial.natural_person,\r\n" not in csv.content.decode("utf-8-sig")
    assert ",1,applications.rows.partial.natural_person" in csv.content.decode("utf-8-sig")
    assert client.get(url, {"agency": "jiangyi", "year": 2025, "format": "pdf"}).status_code == 400


def test_publish_then_see_the_published_numbers_and_the_changes(
    client, township_supervisor, book, data_2025, frozen_today
):
    from datetime import timedelta

    client.force_login(township_supervisor)
    response = client.post(reverse("report-publish"), {"agency": "jiangyi", "year": 2025})
    assert response.status_code == 302
    assert PublishedReport.objects.filter(agency__code="jiangyi", year=2025).exists()
    frozen_today.shift(timedelta(hours=1))
    late = book.register(date(2025, 7, 7), type="other_org")
    html = client.get(reverse("report"), {"agency": "jiangyi", "year": 2025}).content.decode()
    assert "已于2026年11月24日 10:00由" in html and "发布（冻结）。" in html
    assert "发布后的变化" in html
    assert "一、本年新收政府信息公开申请数量 · 其他" in html
    assert late.number in html
    row = re.search(r'data-row="new">(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r'<td class="n">(\d+)</td>', row)[-1] == "1"  # as published, not 2
    assert 'name="include_children" value="on"' not in html and "report-publish" not in html
    # downloads give the published version unless asked for the current one
    xlsx = client.get(
        reverse("report-download"), {"agency": "jiangyi", "year": 2025, "format": "csv"}
    )
    assert ",3,applications.rows.new.total" not in xlsx.content.decode("utf-8-sig")
    current = client.get(
        reverse("report-download"),
        {"agency": "jiangyi", "year": 2025, "format": "csv", "version": "current"},
    )
    assert ",2,applications.rows.new.total" in current.content.decode("utf-8-sig")
    # publishing again is refused with a message
    again = client.post(reverse("report-publish"), {"agency": "jiangyi", "year": 2025}, follow=True)
    assert "已发布（冻结）" in again.content.decode()


def test_a_superuser_without_an_office_starts_at_the_top(client, county, township, frozen_today):
    from cases.models import User

    root = User.objects.create_superuser("root", password="pw")
    response = page(client, root)
    assert response.status_code == 200
    assert "元谋县人民政府2025年度政府信息公开工作年度报告" in response.content.decode()
