"""A handler and a supervisor at work in a real browser: the handler finds a new case on the
workbench, requests a supplement, records it and concludes the case; the county supervisor finds a
township's overdue case on the board and downloads the annual report."""

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from cases import timeutil
from cases.models import Application
from cases.services.registration import ApplicantData, application_register

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def register(front, *, received_on, handler=None, content="本乡2025年度财政预决算", name="赵六"):
    return application_register(
        user=front,
        agency=front.agency,
        channel="letter",
        received_on=received_on,
        applicant=ApplicantData(type="natural_person", name=name, phone="13700001111"),
        content=content,
        handler=handler,
    )


def act(page, title: str) -> None:
    """Open one of the case's actions from the case page's 办理 panel."""
    page.locator("#case-actions").get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def test_handler_requests_a_supplement_records_it_and_concludes(
    page, login, township_front, township_handler
):
    app = register(township_front, received_on=timeutil.today(), handler=township_handler)
    login(township_handler)

    # the workbench lists the new case; 办理 opens its action panel
    page.goto("/workbench/")
    row = page.locator("#running tbody tr", has_text=app.number)
    expect(row).to_contain_text("赵六")
    row.get_by_role("link", name="办理").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(app.number)

    act(page, "告知补正")
    page.get_by_label("需要补正的事项").fill("请写明所需财政预决算的具体年度和科目。")
    page.get_by_role("button", name="确认告知补正").click()
    expect(page.locator(".messages")).to_contain_text("已告知补正")
    app.refresh_from_db()
    assert app.status == Application.Status.AWAITING_SUPPLEMENT

    act(page, "收到补正")
    page.get_by_label("说明").fill("申请人来信补正：2025年度一般公共预算。")
    page.get_by_role("button", name="确认收到补正").click()
    expect(page.locator(".messages")).to_contain_text("已登记收到补正")
    app.refresh_from_db()
    assert app.status == Application.Status.OPEN

    act(page, "办结答复")
    page.get_by_label("办理结果").select_option("disclose")
    page.get_by_role("button", name="确认办结答复").click()
    expect(page.locator(".messages")).to_contain_text("已办结")
    app.refresh_from_db()
    assert app.status == Application.Status.CONCLUDED
    assert app.outcome == "disclose"
    assert app.handler == township_handler
    kinds = list(app.events.order_by("id").values_list("kind", flat=True))
    assert kinds[-3:] == ["supplement_requested", "supplement_received", "concluded"], kinds

    # the case page shows the conclusion and the steps taken
    facts = page.locator("dl.facts").nth(1)
    expect(facts).to_contain_text("已办结")
    expect(facts).to_contain_text("予以公开")
    expect(page.locator("table.list").first).to_contain_text("补正")


def test_supervisor_finds_an_overdue_case_and_downloads_the_annual_report(
    page, login, township_front, township_handler, county_supervisor
):
    today = timeutil.today()
    late = register(
        township_front,
        received_on=today - timedelta(days=60),
        handler=township_handler,
        content="村集体土地征收补偿方案",
        name="钱七",
    )
    assert late.deadline < today
    login(county_supervisor)

    page.locator("header nav").get_by_role("link", name="督办看板", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("督办看板")
    expect(page.locator("#totals")).to_contain_text("已超期")
    assert int(page.locator("#totals .stat .n").first.inner_text()) >= 1
    township_row = page.locator("#offices tr[data-office=jiangyi]")
    expect(township_row.locator("td").nth(1)).to_have_text("1")
    overdue = page.locator("#overdue tbody tr", has_text=late.number)
    expect(overdue).to_contain_text("姜驿乡人民政府")
    expect(overdue).to_contain_text("钱七")
    overdue.get_by_role("link", name=late.number).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(late.number)
    expect(page.locator(".countdown.overdue").first).to_be_visible()

    # the annual report of this year, the county with the offices under it
    page.locator("header nav").get_by_role("link", name="年度报告", exact=True).click()
    page.get_by_label("机关", exact=True).select_option("county")
    page.get_by_label("年度", exact=True).fill(str(late.received_on.year))
    page.get_by_label("含下级机关").check()
    page.get_by_role("button", name="生成报告").click()
    expect(page.locator(".report-title h1")).to_contain_text("元谋县人民政府（含下级机关）")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载 XLSX（表格）").click()
    download = download_info.value
    year = late.received_on.year
    expected = f"元谋县人民政府（含下级机关）{year}年度政府信息公开工作年度报告（统计部分）.xlsx"
    assert download.suggested_filename == expected
    with open(download.path(), "rb") as f:
        workbook = load_workbook(io.BytesIO(f.read()))
    cells = [
        str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value
    ]
    assert any("元谋县人民政府" in c for c in cells)
    assert "钱七" not in cells and "13700001111" not in "".join(cells)
