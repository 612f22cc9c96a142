"""The demo data gives a non-trivial, balanced report for each of its years."""

import pytest

from cases import timeutil
from cases.demo import load_demo
from cases.models import Agency
from cases.reports import build_report

pytestmark = pytest.mark.django_db


def test_demo_years_have_non_trivial_reports(frozen_today):
    load_demo()
    county = Agency.objects.get(code="yuanmou")
    today = timeutil.today()
    for year in range(today.year - 2, today.year + 1):
        report = build_report(county, year, include_children=True)
        rows = report["applications"]["rows"]
        assert report["errors"] == [], (year, report["errors"])
        assert rows["new"]["total"] > 0, year
        assert rows["concluded_total"]["total"] > 0, year
        assert sum(1 for code, cells in rows.items() if cells["total"]) >= 6, year
        assert report["consultations"]["accepted"]["total"] > 0, year
        assert "未收到政府信息公开申请" not in report["text"]["section_3"]
        jiangyi = build_report(Agency.objects.get(code="jiangyi"), year)
        assert jiangyi["applications"]["rows"]["new"]["total"] > 0, year
