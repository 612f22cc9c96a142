"""The front desk in a real browser: register an application at the counter, then a hotline call
from the keyboard alone; both are found again in the lists, with the applicant's ID number masked."""

import re
import time

import pytest
from playwright.sync_api import expect

from cases import timeutil
from cases.models import Application, Consultation
from cases.services import registration

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ID_NUMBER = "11010519491231002X"


def test_front_desk_registers_an_application(page, login, township_front):
    login(township_front)
    page.locator("header nav").get_by_role("link", name="登记申请", exact=True).click()
    expect(page.get_by_role("heading", name="登记政府信息公开申请")).to_be_visible()

    page.get_by_label("申请方式").select_option("letter")
    # the receipt-date label follows the channel (static/js/gongkai.js)
    expect(page.locator("label[for=id_received_on]")).to_have_text("签收日期")
    page.get_by_label("签收日期").fill(timeutil.today().isoformat())
    page.get_by_label("申请人类型").select_option("natural_person")
    page.get_by_label("姓名/名称").fill("王五")
    page.get_by_label("身份证号码").fill(ID_NUMBER)
    page.get_by_label("联系电话").fill("13800001234")
    page.get_by_label("通讯地址").fill("元谋县元马镇龙川街1号")
    page.get_by_label("申请公开的政府信息").fill("2025年度本乡低保资金发放情况")
    page.get_by_role("button", name="登记").click()

    expect(page.locator(".messages")).to_contain_text("已登记申请")
    application = Application.objects.get()
    assert page.url.endswith(f"/applications/{application.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(application.number)
    assert application.channel == "letter"
    assert application.applicant.id_number == ID_NUMBER

    # the front desk sees the number masked on the case page and no ID number in the list
    facts = page.locator("dl.facts").first
    expect(facts).to_contain_text("110105********002X")
    expect(facts).to_contain_text("138****1234")
    expect(facts).not_to_contain_text("龙川街")
    assert ID_NUMBER not in page.content()
    page.locator("header nav").get_by_role("link", name="申请台账", exact=True).click()
    row = page.locator("table.list tbody tr", has_text=application.number)
    expect(row).to_contain_text("王五")
    assert ID_NUMBER not in page.content()
    assert "13800001234" not in page.content()

    # searching by the ID number still finds it
    page.get_by_placeholder(re.compile("编号")).fill(ID_NUMBER)
    page.get_by_role("button", name="筛选").click()
    expect(page.locator("table.list tbody tr")).to_have_count(1)
    expect(page.locator("table.list tbody tr")).to_contain_text(application.number)


def test_front_desk_registers_a_hotline_call_from_the_keyboard(page, login, township_front):
    login(township_front)
    page.goto("/consultations/new/?channel=hotline")
    expect(page.get_by_label("电话咨询")).to_be_checked()
    # the topic has the focus: the clerk types and tabs through the form, Ctrl+Enter saves
    expect(page.get_by_label("咨询主题")).to_be_focused()
    page.keyboard.type("低保申请条件")
    page.get_by_label("咨询内容").fill("请问低保申请需要哪些材料？")
    page.get_by_label("答复内容").fill("已告知需携带户口簿、身份证到乡民政办申请。")
    page.get_by_label("咨询人").fill("李四")
    page.get_by_label("联系电话").fill("13900005678")
    page.get_by_label("联系电话").press("Control+Enter")

    expect(page.locator(".messages")).to_contain_text("已登记咨询：低保申请条件（电话咨询）")
    # the form is empty again for the next call, still on the hotline channel
    expect(page.get_by_label("咨询主题")).to_have_value("")
    expect(page.get_by_label("电话咨询")).to_be_checked()
    expect(page.locator("table.list")).to_contain_text("低保申请条件")

    consultation = Consultation.objects.get()
    assert consultation.channel == "hotline"
    assert consultation.name == "李四"
    assert consultation.agency == township_front.agency

    page.locator("header nav").get_by_role("link", name="咨询台账", exact=True).click()
    row = page.locator("table.list tbody tr", has_text="低保申请条件")
    expect(row).to_contain_text("电话咨询")
    expect(row).to_contain_text("李四")
    assert "13900005678" not in page.content()


def test_a_double_click_on_register_registers_once(page, login, township_front, monkeypatch):
    """A double-click on 登记 sent the form twice while the server was still answering the first: two
    applications, two numbers, one to be voided."""
    register = registration.application_register

    def slow_register(**kwargs):  # an office's server under load: the first answer takes a while
        time.sleep(0.6)
        return register(**kwargs)

    monkeypatch.setattr(registration, "application_register", slow_register)
    login(township_front)
    page.goto("/applications/new/")
    page.get_by_label("申请方式").select_option("in_person")
    page.locator("#id_received_on").fill(timeutil.today().isoformat())
    page.get_by_label("申请人类型").select_option("natural_person")
    page.get_by_label("姓名/名称").fill("赵六")
    page.get_by_label("联系电话").fill("13800004321")
    page.get_by_label("申请公开的政府信息").fill("2025年度本乡道路建设资金使用情况")
    # the first request is on its way when the clerk clicks again, 200 ms later
    page.get_by_role("button", name="登记").evaluate(
        "b => { b.click(); setTimeout(() => b.click(), 200); }"
    )

    expect(page.locator(".messages")).to_contain_text("已登记申请")
    page.wait_for_load_state("networkidle")
    assert Application.objects.count() == 1
    # back on the form (the browser's page cache), it can be sent again
    page.go_back()
    page.get_by_label("申请公开的政府信息").fill("2025年度本乡危房改造名单")
    page.get_by_role("button", name="登记").click()
    expect(page.locator(".messages")).to_contain_text("已登记申请")
    assert Application.objects.count() == 2
