"""The permission table: role × endpoint × method → status, through the one chokepoint (cases/access.py).

"The office" is the township (姜驿乡), where the case, the consultation and the remedy live.
Roles: its front desk, handler, supervisor and admin; a handler and an admin of another office (the
自然资源局, a sibling under the county); the supervisor of the parent office (the county); anonymous;
a superuser. Each request carries a valid body, so the status is decided by who asks.
"""

from datetime import date, datetime

import pytest

from cases.services import remedies
from cases.services.registration import consultation_register
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db

ROLES = [
    "front",
    "handler",
    "supervisor",
    "admin",
    "other_handler",
    "other_admin",
    "parent_supervisor",
    "anonymous",
    "superuser",
]

ACT = {
    "front": 403,
    "handler": 200,
    "supervisor": 200,
    "admin": 200,
    "other_handler": 404,
    "other_admin": 404,
    "parent_supervisor": 200,
    "anonymous": 401,
    "superuser": 200,
}
READ = {
    "front": 200,
    "handler": 200,
    "supervisor": 200,
    "admin": 200,
    "other_handler": 200,
    "other_admin": 200,
    "parent_supervisor": 200,
    "anonymous": 401,
    "superuser": 200,
}
READ_ONE = {**READ, "other_handler": 404, "other_admin": 404}
REGISTER = {
    **READ,
    "front": 201,
    "handler": 201,
    "supervisor": 201,
    "admin": 201,
    "other_handler": 400,
    "other_admin": 400,
    "parent_supervisor": 201,
    "superuser": 201,
}
ANSWER = {**READ_ONE}
ADMIN_ONLY = {
    "front": 403,
    "handler": 403,
    "supervisor": 403,
    "admin": 201,
    "other_handler": 403,
    "other_admin": 400,
    "parent_supervisor": 403,
    "anonymous": 401,
    "superuser": 201,
}
STAFF_LIST = {**ADMIN_ONLY, "admin": 200, "other_admin": 200, "superuser": 200}
REMEDY_CREATE = {
    **ACT,
    "handler": 201,
    "supervisor": 201,
    "admin": 201,
    "parent_supervisor": 201,
    "superuser": 201,
    "other_handler": 400,
    "other_admin": 400,
}
CALENDAR_EDIT = {**ADMIN_ONLY, "admin": 200, "other_admin": 200, "superuser": 200}
PUBLIC = dict.fromkeys(ROLES, 200)

APP = "/api/v1/applications/{app}/"
TABLE = [
    # (method, url, body, expected by role)
    ("get", "/api/v1/agencies/", None, READ),
    (
        "post",
        "/api/v1/agencies/",
        {"code": "new-office", "name": "新机关", "parent": "jiangyi"},
        ADMIN_ONLY,
    ),
    ("get", "/api/v1/agencies/jiangyi/", None, READ_ONE),
    ("get", "/api/v1/staff/", None, STAFF_LIST),
    (
        "post",
        "/api/v1/staff/",
        {
            "username": "newbie",
            "password": "Gongkai-2026-pass",
            "agency": "jiangyi",
            "role": "handler",
        },
        ADMIN_ONLY,
    ),
    ("get", "/api/v1/applications/", None, READ),
    (
        "post",
        "/api/v1/applications/",
        {
            "agency": "jiangyi",
            "channel": "email",
            "received_on": "2026-11-23",
            "applicant": {"type": "natural_person", "name": "王五"},
            "content": "某信息",
        },
        REGISTER,
    ),
    ("get", APP, None, READ_ONE),
    ("post", APP + "request-supplement/", {"on": "2026-11-05", "items_to_supplement": "x"}, ACT),
    ("post", APP + "start-consultation/", {"on": "2026-11-10", "party": "x"}, ACT),
    (
        "post",
        APP + "extend/",
        {"on": "2026-11-20", "days": 2, "approved_by": "jiangyi-supervisor", "reason": "r"},
        ACT,
    ),
    (
        "post",
        APP + "set-deadline/",
        {"on": "2026-11-20", "deadline": "2027-02-26", "reason": "r"},
        ACT,
    ),
    ("post", APP + "notify-fee/", {"on": "2026-11-10", "method": "per_page", "pages": 40}, ACT),
    ("post", APP + "conclude/", {"on": "2026-11-20", "outcome": "disclose"}, ACT),
    ("post", APP + "withdraw/", {"on": "2026-11-20"}, ACT),
    (
        "post",
        "/api/v1/applications/{supplement_case}/receive-supplement/",
        {"on": "2026-11-06"},
        ACT,
    ),
    ("post", "/api/v1/applications/{consulting_case}/end-consultation/", {"on": "2026-11-06"}, ACT),
    ("post", "/api/v1/applications/{fee_case}/pay-fee/", {"on": "2026-11-06"}, ACT),
    (
        "post",
        "/api/v1/applications/{fee_case}/waive-fee/",
        {"on": "2026-11-06", "approved_by": "county-supervisor", "reason": "r"},
        ACT,
    ),
    ("get", "/api/v1/consultations/", None, READ),
    (
        "post",
        "/api/v1/consultations/",
        {
            "agency": "jiangyi",
            "channel": "hotline",
            "received_at": "2026-11-24T09:00:00+08:00",
            "topic": "t",
            "question": "",
        },
        REGISTER,
    ),
    ("get", "/api/v1/consultations/{consultation}/", None, READ_ONE),
    ("post", "/api/v1/consultations/{consultation}/answer/", {"answer": "已答复"}, ANSWER),
    ("get", "/api/v1/remedies/", None, READ),
    (
        "post",
        "/api/v1/remedies/",
        {"application": "{app}", "kind": "complaint", "filed_on": "2026-11-20"},
        REMEDY_CREATE,
    ),
    ("get", "/api/v1/remedies/{remedy}/", None, READ_ONE),
    ("patch", "/api/v1/remedies/{remedy}/", {"result": "upheld", "decided_on": "2026-11-23"}, ACT),
    ("get", "/api/v1/calendar/?year=2026", None, READ),
    (
        "post",
        "/api/v1/calendar/",
        {"date": "2026-11-28", "workday": True, "name": "调休上班"},
        CALENDAR_EDIT,
    ),
    ("get", "/api/v1/schema/", None, PUBLIC),
]


@pytest.fixture
def world(frozen_today, register, township, township_handler, people, bureau_people, superuser):
    from cases.services import fees, handling

    app = register(received_on=date(2026, 11, 2))
    supplement_case = register(received_on=date(2026, 11, 2))
    handling.application_request_supplement(
        user=township_handler,
        application=supplement_case,
        on=date(2026, 11, 4),
        items_to_supplement="x",
    )
    consulting_case = register(received_on=date(2026, 11, 2))
    handling.application_start_consultation(
        user=township_handler, application=consulting_case, on=date(2026, 11, 4), party="x"
    )
    fee_case = register(received_on=date(2026, 11, 2))
    fees.fee_notify(
        user=township_handler,
        application=fee_case,
        on=date(2026, 11, 4),
        method="per_page",
        pages=40,
    )
    consultation = consultation_register(
        user=people[("jiangyi", "front_desk")],
        agency=township,
        channel="hotline",
        topic="t",
        received_at=datetime(2026, 11, 24, 9, 0, tzinfo=SHANGHAI),
    )
    remedy = remedies.remedy_record(
        user=township_handler, application=app, kind="complaint", filed_on=date(2026, 11, 20)
    )
    users = {
        "front": people[("jiangyi", "front_desk")],
        "handler": people[("jiangyi", "handler")],
        "supervisor": people[("jiangyi", "supervisor")],
        "admin": people[("jiangyi", "admin")],
        "other_handler": bureau_people["handler"],
        "other_admin": bureau_people["admin"],
        "parent_supervisor": people[("county", "supervisor")],
        "anonymous": None,
        "superuser": superuser,
    }
    ids = {
        "app": app.pk,
        "supplement_case": supplement_case.pk,
        "consulting_case": consulting_case.pk,
        "fee_case": fee_case.pk,
        "consultation": consultation.pk,
        "remedy": remedy.pk,
    }
    return users, ids


def fill(value, ids):
    if isinstance(value, str):
        filled = value.format(**ids)
        return int(filled) if value.startswith("{") and filled.isdigit() else filled
    if isinstance(value, dict):
        return {k: fill(v, ids) for k, v in value.items()}
    return value


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "url", "body", "expected"), TABLE, ids=[f"{m.upper()} {u}" for m, u, *_ in TABLE]
)
def test_permission_table(world, api, role, method, url, body, expected):
    users, ids = world
    client = api(users[role])
    kwargs = {"format": "json"} if body is not None else {}
    args = (fill(body, ids),) if body is not None else ()
    response = getattr(client, method)(fill(url, ids), *args, **kwargs)
    assert response.status_code == expected[role], (role, method, url, response.content[:300])
    assert response["Content-Type"].startswith(("application/json", "application/vnd.oai.openapi"))


def test_the_table_covers_every_operation_of_the_schema(api):
    """Every path and method of the schema (except the token, the docs and the report, which another
    table covers) has a row in the table."""
    schema = api(None).get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    normalise = {
        "{code}": "jiangyi",
        "{id}": "{x}",
    }
    rows = set()
    for method, url, *_ in TABLE:
        path = url.split("?")[0]
        for name in (
            "{app}",
            "{supplement_case}",
            "{consulting_case}",
            "{fee_case}",
            "{consultation}",
            "{remedy}",
        ):
            path = path.replace(name, "{x}")
        rows.add((method, path))
    missing = []
    for path, operations in schema["paths"].items():
        if path.startswith(("/api/v1/auth/", "/api/v1/reports/")):
            continue
        for key, value in normalise.items():
            path = path.replace(key, value)
        for method in operations:
            if method in ("get", "post", "patch", "put", "delete") and (method, path) not in rows:
                missing.append((method, path))
    assert missing == []
