"""Personal data (ID numbers, phone numbers, addresses) stays out of the lists and the exports for
staff whose role does not need it: the front desk sees none in the lists or the API list, and the
annual report's downloads hold none at all — whoever downloads them."""

import io
import zipfile

import pytest
from django.urls import reverse

from cases.demo import load_demo
from cases.models import Applicant, Consultation, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo()
    return User.objects.get


def secrets_of_applicants() -> set[str]:
    values = set()
    for a in Applicant.objects.all():
        values |= {v for v in (a.id_number, a.phone, a.address) if v and len(v) >= 6}
    values |= {c.phone for c in Consultation.objects.exclude(phone="") if len(c.phone) >= 6}
    assert values, "the demo data should have personal data to hide"
    return values


def leaked(text: str, secrets: set[str]) -> list[str]:
    return sorted(s for s in secrets if s in text)


def test_front_desk_lists_show_no_personal_data(client, demo):
    secrets = secrets_of_applicants()
    client.force_login(demo(username="jiangyi-front"))
    for name in ("home", "application-list", "consultation-list"):
        for page in ("1", "2"):
            response = client.get(reverse(name), {"page": page})
            if response.status_code == 404:
                continue
            assert response.status_code == 200, name
            assert not leaked(response.content.decode(), secrets), name


def test_front_desk_api_lists_mask_personal_data(client, demo):
    secrets = secrets_of_applicants()
    client.force_login(demo(username="yuanmou-front"))
    for url in ("/api/v1/applications/", "/api/v1/consultations/"):
        response = client.get(url, {"page_size": 500})
        assert response.status_code == 200, url
        assert not leaked(response.content.decode(), secrets), url


def export_text(content: bytes, fmt: str) -> str:
    if fmt == "csv":
        return content.decode("utf-8-sig")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_annual_report_downloads_hold_no_personal_data(client, demo, fmt):
    secrets = secrets_of_applicants()
    names = {a.name for a in Applicant.objects.all() if len(a.name) >= 2}
    client.force_login(demo(username="yuanmou-supervisor"))
    for year in ("2025", "2026"):
        response = client.get(
            reverse("report-download"),
            {"agency": "yuanmou", "year": year, "include_children": "on", "format": fmt},
        )
        assert response.status_code == 200
        text = export_text(response.content, fmt)
        assert len(text) > 500  # a real report, not an error message
        assert not leaked(text, secrets)
        assert not leaked(text, names)
