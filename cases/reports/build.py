"""Building one annual report: the numbers, the sentences, and the invariants checked — as a dict in the
JSON shape of api.md. Extra keys, beyond api.md's: `include_children`, `details` (names, the year's
vocabulary, main subjects and topics, per-office figures) and `errors` (invariant breaches, [] if none)."""

from django.db.models import Q
from django.utils import timezone

from cases import timeutil
from cases.access import agency_scope
from cases.models import Agency, PublishedReport

from . import invariants, spec, text
from .compute import (
    application_subjects,
    compute_numbers,
    consultation_topics,
    empty_numbers,
    subject_entry,
    topic_entry,
)
from .planning import planned_for_parameters

API_KEYS = ("applications", "by_channel", "consultations", "remedies", "fees")


class ReportYearError(ValueError):
    pass


def check_year(year: int) -> None:
    if year < spec.FIRST_YEAR or year > timeutil.today().year:
        raise ReportYearError(f"年度应在{spec.FIRST_YEAR}年至{timeutil.today().year}年之间。")


def _office_row(agency: Agency, numbers: dict) -> dict:
    rows = numbers["applications"]["rows"]
    return {
        "agency": agency.code,
        "name": agency.name,
        "new": rows["new"]["total"],
        "carried_over": rows["carried_over"]["total"],
        "concluded_total": rows["concluded_total"]["total"],
        "carried_forward": rows["carried_forward"]["total"],
        "consultations_accepted": numbers["consultations"]["accepted"]["total"],
        "consultations_handled": numbers["consultations"]["handled"]["total"],
    }


def assemble(
    agency: Agency, year: int, include_children: bool, numbers: dict, details: dict
) -> dict:
    data = {"agency": agency.code, "year": year, **{k: numbers[k] for k in API_KEYS}}
    data["text"] = {}
    data["include_children"] = include_children
    data["details"] = {
        "agency_name": agency.name,
        "short_name": agency.short_name,
        "hotline": agency.hotline,
        "vocabulary": spec.vocabulary(year),
        "national_format": year >= spec.NATIONAL_FORMAT_FROM_YEAR,
        "consultations_answered": numbers["consultations_answered"],
        **details,
    }
    data["text"] = text.text_fields(data)
    data["errors"] = []
    return data


def _ordered_like(value, template):
    """`value` with each object's keys in `template`'s order where the template has them, the rest after
    in the order they came."""
    if isinstance(value, list) and isinstance(template, list) and template:
        return [_ordered_like(v, template[0]) for v in value]
    if not isinstance(value, dict) or not isinstance(template, dict):
        return value
    keys = [k for k in template if k in value] + [k for k in value if k not in template]
    return {k: _ordered_like(value[k], template.get(k)) for k in keys}


def in_report_order(data: dict) -> dict:
    """A published report's dict with its keys in the order build_report gives them. PostgreSQL keeps a
    published report as jsonb, which sorts an object's keys by length: read back as stored, the rows came
    out as new, partial, disclose, … instead of in the national table's order."""
    blank = Agency(code="", name="", short_name="", hotline="")
    details = {
        "generated_at": None,
        "application_subjects": [subject_entry(None, None)],
        "consultation_topics": [topic_entry(None, None)],
        "offices": [_office_row(blank, empty_numbers())],
    }
    template = assemble(blank, data.get("year", spec.FIRST_YEAR), False, empty_numbers(), details)
    return _ordered_like(data, template)


def build_report(agency: Agency, year: int, *, include_children: bool = False) -> dict:
    """The report of an office (optionally with every office under it) for a year.

    Queries: four counts, two lists of subjects, one for the published reports it must agree with
    (invariants 3 and 6), and with include_children one for the offices' names — the same number for
    1 case or 1,000,000."""
    check_year(year)
    with planned_for_parameters():
        numbers = compute_numbers(agency, year, include_children=include_children)
        subjects = application_subjects(agency, year, include_children)
        topics = consultation_topics(agency, year, include_children)
    details = {
        "generated_at": timezone.localtime(timeutil.now()).isoformat(),
        "application_subjects": subjects,
        "consultation_topics": topics,
    }
    parts: list[dict] | None = None
    offices: list[Agency] = []
    if include_children:
        offices = list(agency_scope(agency, include_children=True).order_by("path"))
        parts = [numbers.parts.get(o.pk) or empty_numbers() for o in offices]
        details["offices"] = [_office_row(o, p) for o, p in zip(offices, parts, strict=True)]
    data = assemble(agency, year, include_children, numbers.combined, details)
    errors = invariants.check(data, parts=parts)
    errors += published_agreement(agency, year, include_children, data, offices, parts or [])
    data["errors"] = [b.as_dict() for b in errors]
    return data


def published_agreement(
    agency: Agency,
    year: int,
    include_children: bool,
    data: dict,
    offices: list[Agency],
    parts: list[dict],
) -> list:
    """The report against the published (frozen) reports it must agree with, in one query: a breach
    means a case was changed after that report was published.

    Invariant 3: the neighbouring years' reports of the same office. (Computed live, Y's 四 and Y+1's
    二 count the same cases by definition; the tests check that on random data.)
    Invariant 6: with the offices below, each office's own report of the year — its part here is the
    sum of its cases as they stand now, its own report says what it said when published; an office's
    own report, the row for it (各机关分列) in the year's published reports with the offices below of
    the offices above it and of itself."""
    found = []
    wanted = Q(agency=agency, include_children=include_children, year__in=(year - 1, year + 1))
    if offices:
        wanted |= Q(agency__in=[o.pk for o in offices], include_children=False, year=year)
    if not include_children:
        # the office's path and every prefix of it that ends an office's code: the offices above it
        above = [agency.path[: i + 1] for i, c in enumerate(agency.path) if c == "/" and i]
        wanted |= Q(agency__path__in=above, include_children=True, year=year)
    published_reports = PublishedReport.objects.filter(wanted).only(
        "agency_id", "year", "include_children", "data"
    )
    own: dict[int, dict] = {}
    for published in published_reports:
        if published.year != year:
            note = f"（{published.year}年度报告已发布，发布后有案件变动）"
            if published.year == year - 1:
                found += invariants.check_continuity(published.data, data, note=note)
            else:
                found += invariants.check_continuity(data, published.data, note=note)
        elif published.include_children and not include_children:
            rows = published.data.get("details", {}).get("offices") or []
            row = next((r for r in rows if r["agency"] == agency.code), None)
            if row is not None:
                found += invariants.check_published_row(
                    published.data, row, _office_row(agency, data)
                )
        else:
            own[published.agency_id] = published.data
    for office, part in zip(offices, parts, strict=True):
        if office.pk in own:
            found += invariants.check_published_part(office.name, own[office.pk], part)
    return found
