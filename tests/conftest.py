"""Shared fixtures: a county with a township under it, one person of each role in each, and a
frozen clock. Tests that need the database ask for `db` (or a fixture that does)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AXES_ENABLED = False


@pytest.fixture(autouse=True)
def _postgres_marker(request):
    """A test marked `postgres` (real row locks, concurrent connections) skips on SQLite."""
    if request.node.get_closest_marker("postgres") is not None:
        from django.db import connection

        if connection.vendor != "postgresql":
            pytest.skip(
                "needs PostgreSQL (real row locks and connections); run with DATABASE_URL=postgres://…"
            )


@pytest.fixture(autouse=True)
def _calendar_cache_isolated():
    """The working-day calendar is cached per process (cases.clocksync). A test that edits the calendar
    reloads the cache inside its own transaction; after the rollback, later tests would still see the
    edit. Put the cache back as it was before the test."""
    from cases import clocksync

    before = clocksync._cached
    yield
    if clocksync._cached is not before:
        clocksync._cached = before


@pytest.fixture
def frozen_today():
    """Freeze the one clock at 2026-11-24 10:00 Asia/Shanghai (a Tuesday)."""
    with time_machine.travel(
        datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI), tick=False
    ) as traveller:
        yield traveller


@pytest.fixture
def county(db):
    from cases.models import Agency

    return Agency.objects.create(code="county", name="元谋县人民政府", short_name="本机关")


@pytest.fixture
def township(county):
    from cases.models import Agency

    return Agency.objects.create(
        code="jiangyi", name="姜驿乡人民政府", short_name="我乡", parent=county
    )


def make_user(agency, role: str, username: str | None = None):
    from cases.models import User

    return User.objects.create_user(
        username=username or f"{agency.code}-{role}",
        password="pw",
        agency=agency,
        role=role,
        full_name=f"{agency.code}{role}",
    )


@pytest.fixture
def people(county, township):
    """Personas: for each office a front-desk clerk, a handler, a supervisor and an admin."""
    return {
        (office.code, role): make_user(office, role)
        for office in (county, township)
        for role in ("front_desk", "handler", "supervisor", "admin")
    }


@pytest.fixture
def township_front(people):
    return people[("jiangyi", "front_desk")]


@pytest.fixture
def township_handler(people):
    return people[("jiangyi", "handler")]


@pytest.fixture
def township_supervisor(people):
    return people[("jiangyi", "supervisor")]


@pytest.fixture
def county_handler(people):
    return people[("county", "handler")]


@pytest.fixture
def county_supervisor(people):
    return people[("county", "supervisor")]


@pytest.fixture
def applicant_data():
    from cases.services.registration import ApplicantData

    return ApplicantData(
        type="natural_person", name="张三", id_number="11010519491231002X", phone="13800001234"
    )


@pytest.fixture
def register(frozen_today, township_front, applicant_data):
    """Register an application at the township (received on the given date)."""
    from cases.services.registration import application_register

    def _register(received_on=date(2026, 11, 2), agency=None, user=None, **kwargs):
        agency = agency or township_front.agency
        return application_register(
            user=user or township_front,
            agency=agency,
            channel=kwargs.pop("channel", "in_person"),
            received_on=received_on,
            applicant=kwargs.pop("applicant", applicant_data),
            content=kwargs.pop("content", "2025年度本乡财政预决算"),
            **kwargs,
        )

    return _register


@pytest.fixture
def two_cases(register, county, people):
    """One application at the township, one at the county above it."""
    township_case = register(received_on=date(2026, 11, 2))
    county_case = register(
        received_on=date(2026, 11, 2), agency=county, user=people[("county", "front_desk")]
    )
    return township_case, county_case


@pytest.fixture
def consult(frozen_today, township, township_front):
    """consult(**fields) → a consultation the township's front desk registered: a hotline call about
    how to apply, unless `fields` say otherwise (received now, 10:00 on the frozen day, if not given)."""
    from cases.services.registration import consultation_register

    def register(**fields):
        fields = {"channel": "hotline", "topic": "如何申请政府信息公开", **fields}
        return consultation_register(user=township_front, agency=township, **fields)

    return register
