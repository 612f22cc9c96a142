from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from cases.access import can

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
    return {"nav": items}
