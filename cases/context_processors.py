from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from cases import timeutil
from cases.access import can
from cases.clocksync import get_calendar

# (label, url name, capability needed or None)
NAV = [
    ("今日登记", "home", None),
    ("登记申请", "application-register", "register"),
    ("登记咨询", "consultation-register", "register"),
    ("申请台账", "application-list", None),
    ("咨询台账", "consultation-list", None),
    ("我的工作台", "workbench", "handle"),
    ("督办看板", "board", "board"),
    ("年度报告", "report", "report"),
    ("节假日", "calendar", "calendar"),
]
# the State Council publishes next year's holidays in November or December (law.md §2)
CALENDAR_WARNING_FROM_MONTH = 11


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": []}
    items = []
    for label, name, capability in NAV:
        if capability and not can(user, capability):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": request.path == url})
    return {"nav": items, "calendar_warning": calendar_warning(user)}


def calendar_warning(user) -> str:
    """From 1 November, supervisors and admins are warned while next year's holidays are not entered."""
    today = timeutil.today()
    if today.month < CALENDAR_WARNING_FROM_MONTH or not can(user, "board"):
        return ""
    next_year = today.year + 1
    if next_year in get_calendar().covered_years:
        return ""
    return (
        f"{next_year}年节假日安排尚未录入：跨入{next_year}年的答复期限暂按周末推算，标为“待确认”。"
        "国务院办公厅通知发布后，请管理员在“节假日”页面录入。"
    )
