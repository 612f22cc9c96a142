"""Offices and staff: what each user sees, and what administrators may create."""

import pytest
from rest_framework.test import APIClient

from cases.models import Agency, User

pytestmark = pytest.mark.django_db


def codes(response) -> list[str]:
    return [a["code"] for a in response.json()["results"]]


def test_supervisor_and_admin_see_offices_below_others_their_own(api, people, bureau):
    assert codes(api(people[("county", "supervisor")]).get("/api/v1/agencies/")) == [
        "county",
        "jiangyi",
        "ym-zrzy",
    ]
    assert codes(api(people[("county", "admin")]).get("/api/v1/agencies/")) == [
        "county",
        "jiangyi",
        "ym-zrzy",
    ]
    assert codes(api(people[("county", "handler")]).get("/api/v1/agencies/")) == ["county"]
    assert codes(api(people[("jiangyi", "supervisor")]).get("/api/v1/agencies/")) == ["jiangyi"]


def test_agency_shape_and_detail(api, people):
    response = api(people[("jiangyi", "front_desk")]).get("/api/v1/agencies/jiangyi/")
    assert response.status_code == 200
    assert response.json() == {
        "code": "jiangyi",
        "name": "姜驿乡人民政府",
        "short_name": "我乡",
        "parent": "county",
        "hotline": "96128",
    }


def test_an_office_not_visible_is_404(api, people):
    response = api(people[("jiangyi", "admin")]).get("/api/v1/agencies/county/")
    assert response.status_code == 404
    assert api(people[("jiangyi", "admin")]).get("/api/v1/agencies/no-such/").status_code == 404


def test_admin_creates_an_office_under_one_they_manage(api, people):
    client = api(people[("county", "admin")])
    body = {"code": "ym-jyj", "name": "元谋县教育体育局", "short_name": "我局", "parent": "county"}
    response = client.post("/api/v1/agencies/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json() == {**body, "hotline": "96128"}
    created = Agency.objects.get(code="ym-jyj")
    assert created.path == "/county/ym-jyj/"
    assert "ym-jyj" in codes(client.get("/api/v1/agencies/"))


def test_township_admin_may_not_create_under_the_county_nor_at_the_top(api, people):
    client = api(people[("jiangyi", "admin")])
    response = client.post(
        "/api/v1/agencies/", {"code": "x1", "name": "某机关", "parent": "county"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"parent": ["找不到该上级机关，或您无权管理。"]}
    response = client.post(
        "/api/v1/agencies/", {"code": "x1", "name": "某机关", "parent": None}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["parent"]
    assert not Agency.objects.filter(code="x1").exists()


def test_superuser_creates_a_top_level_office(api, superuser):
    response = api(superuser).post(
        "/api/v1/agencies/", {"code": "wuding", "name": "武定县人民政府"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["parent"] is None
    assert response.json()["short_name"] == "本机关"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"code": "county", "name": "重复"}, "code"),
        ({"code": "有 空格", "name": "x"}, "code"),
        ({"code": "a" * 33, "name": "x"}, "code"),
        ({"code": "ok", "name": ""}, "name"),
        ({"code": "ok", "name": "x" * 101}, "name"),
        ({"code": "ok", "name": "x", "short_name": "x" * 21}, "short_name"),
    ],
)
def test_bad_agency_bodies_name_the_field(api, people, body, field):
    response = api(people[("county", "admin")]).post(
        "/api/v1/agencies/", {"parent": "county", **body}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert Agency.objects.count() == 2


def test_an_office_too_deep_in_the_tree_is_400_and_saves_nothing(api, people):
    """An office's path is its code after every office above it's, at most 400 characters. An office
    whose path would be longer is refused on `parent` (PostgreSQL answered 500: value too long for
    type character varying(400); SQLite stored the path)."""
    admin = api(people[("county", "admin")])
    parent = "county"
    for level in range(11):  # /county/ + 11 codes of 33 characters: 371 characters
        code = f"{level:02d}" + "x" * 30
        body = {"code": code, "name": "某机关", "parent": parent}
        assert admin.post("/api/v1/agencies/", body, format="json").status_code == 201
        parent = code
    ok = admin.post(
        "/api/v1/agencies/", {"code": "y" * 20, "name": "某机关", "parent": parent}, format="json"
    )  # 371 + 21 = 392 characters: still fits
    assert ok.status_code == 201
    before = Agency.objects.count()
    body = {"code": "z" * 32, "name": "某机关", "parent": parent}  # 371 + 33 = 404
    response = admin.post("/api/v1/agencies/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["parent"]
    assert Agency.objects.count() == before
    assert max(len(path) for path in Agency.objects.values_list("path", flat=True)) <= 400


@pytest.mark.parametrize("role", ["front_desk", "handler", "supervisor"])
def test_only_admins_create_offices(api, people, role):
    response = api(people[("county", role)]).post(
        "/api/v1/agencies/", {"code": "x2", "name": "某机关", "parent": "county"}, format="json"
    )
    assert response.status_code == 403
    assert APIClient().post("/api/v1/agencies/", {}, format="json").status_code == 401


def test_admin_creates_staff_who_can_then_log_in(api, people):
    client = api(people[("jiangyi", "admin")])
    body = {
        "username": "jiangyi-new",
        "password": "Gongkai-2026-pass",
        "agency": "jiangyi",
        "role": "handler",
    }
    response = client.post("/api/v1/staff/", body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (
        data["username"] == "jiangyi-new"
        and data["agency"] == "jiangyi"
        and data["role"] == "handler"
    )
    assert "password" not in data
    user = User.objects.get(username="jiangyi-new")
    assert user.check_password("Gongkai-2026-pass") and not user.is_superuser
    token = APIClient().post(
        "/api/v1/auth/token/",
        {"username": "jiangyi-new", "password": "Gongkai-2026-pass"},
        format="json",
    )
    assert token.status_code == 200
    listed = [u["username"] for u in client.get("/api/v1/staff/").json()["results"]]
    assert "jiangyi-new" in listed and "county-admin" not in listed


def test_county_admin_creates_staff_for_the_township(api, people):
    body = {
        "username": "jy-clerk",
        "password": "Gongkai-2026-pass",
        "agency": "jiangyi",
        "role": "front_desk",
    }
    response = api(people[("county", "admin")]).post("/api/v1/staff/", body, format="json")
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"agency": "county"}, "agency"),
        ({"agency": "nowhere"}, "agency"),
        ({"role": "boss"}, "role"),
        ({"password": "123"}, "password"),
        ({"password": "password"}, "password"),
        ({"username": "jiangyi-handler"}, "username"),
        ({"username": "有 空格"}, "username"),
        ({"username": "x" * 151}, "username"),
    ],
)
def test_bad_staff_bodies_name_the_field_and_save_nothing(api, people, override, field):
    body = {
        "username": "jy-new",
        "password": "Gongkai-2026-pass",
        "agency": "jiangyi",
        "role": "handler",
        **override,
    }
    before = User.objects.count()
    response = api(people[("jiangyi", "admin")]).post("/api/v1/staff/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert User.objects.count() == before


@pytest.mark.parametrize("role", ["front_desk", "handler", "supervisor"])
def test_only_admins_manage_staff(api, people, role):
    client = api(people[("jiangyi", role)])
    body = {
        "username": "jy-new",
        "password": "Gongkai-2026-pass",
        "agency": "jiangyi",
        "role": "handler",
    }
    assert client.post("/api/v1/staff/", body, format="json").status_code == 403
    assert client.get("/api/v1/staff/").status_code == 403
