"""Publishing (freezing) a report: its numbers are kept as published; later edits of cases do not change
them, and the page shows what changed — in the numbers and in the cases — since it was published."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from operator import attrgetter

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse

from cases import timeutil
from cases.access import agency_scope, require, visible_agency_ids
from cases.errors import StateConflict
from cases.models import Agency, Application, Consultation, Fee, PublishedReport, Remedy, User

from . import invariants, layout, spec
from .build import build_report, check_year, in_report_order
from .compute import Period

CHANGE_LIMIT = 200
HISTORY_TYPES = {"+": "新增", "~": "修改", "-": "删除"}


def published_for(agency: Agency, year: int, include_children: bool) -> PublishedReport | None:
    published = (
        PublishedReport.objects.filter(agency=agency, year=year, include_children=include_children)
        .select_related("published_by")
        .first()
    )
    if published is not None:
        published.data = in_report_order(published.data)
    return published


def report_as_issued(
    agency: Agency, year: int, include_children: bool, *, current: bool = False
) -> tuple[dict, PublishedReport | None]:
    """The report every output gives (page downloads and the API alike): the numbers as published once
    the report is published, unless `current` asks for them as the cases stand now; with the
    published report, or None when these numbers are computed now."""
    data, published, _ = issued_or_current(agency, year, include_children, current=current)
    return data, published


def issued_or_current(
    agency: Agency, year: int, include_children: bool, *, current: bool = False
) -> tuple[dict, PublishedReport | None, bool]:
    """report_as_issued, and whether the numbers are the current ones of a published report (its
    files say so, exports.CURRENT_NOTE)."""
    published = published_for(agency, year, include_children)
    if published is not None and not current:
        return published.data, published, False
    data = build_report(agency, year, include_children=include_children)
    return data, None, published is not None


@transaction.atomic
def publish(
    *, user: User, agency: Agency, year: int, include_children: bool = False
) -> PublishedReport:
    require(user, "report")
    if agency.pk not in visible_agency_ids(user):
        raise StateConflict("您无权发布该机关的年度报告。")
    check_year(year)
    if year >= timeutil.today().year:
        raise StateConflict(f"{year}年度尚未结束，不能发布该年度的报告。")
    if published_for(agency, year, include_children) is not None:
        raise StateConflict("该年度报告已发布（冻结），其数字不再改变。")
    data = build_report(agency, year, include_children=include_children)
    if data["errors"]:
        raise StateConflict("报告未通过校验（见页面上的错误），请先更正案件数据再发布。")
    try:
        with transaction.atomic():
            return PublishedReport.objects.create(
                agency=agency,
                year=year,
                include_children=include_children,
                data=data,
                published_by=user,
            )
    except IntegrityError:
        raise StateConflict("该年度报告已由他人发布。") from None


# ---- what changed since -----------------------------------------------------------------------------


def cell_labels(hotline: str | None = None) -> dict[str, str]:
    """Every numeric path of a report in words."""
    labels = {}
    for row in layout.national_rows(_zero()):
        for col, path in zip(spec.COLUMNS, row.paths, strict=True):
            labels[path] = f"{row.flat_label} · {spec.COLUMN_LABELS[col]}"
    for label, path in zip(
        layout.remedy_flat_labels(), layout.remedy_row(_zero()).paths, strict=True
    ):
        labels[path] = f"四、{label}"
    zero = _zero() | {"details": {"hotline": hotline}}
    for heading, columns, rows in layout.other_tables(zero):
        for row in rows:
            for col, path in zip(columns, row.paths, strict=True):
                labels.setdefault(path, f"{heading} · {row.flat_label} · {col}")
    return labels


def _zero() -> dict:
    from .compute import empty_numbers

    return {"year": 2021, **empty_numbers()}


@dataclass(frozen=True)
class Difference:
    path: str
    label: str
    published: int | Decimal
    current: int | Decimal


def differences(published: dict, current: dict) -> list[Difference]:
    before, after = invariants.numeric_cells(published), invariants.numeric_cells(current)
    labels = cell_labels(layout.hotline_of(current))
    return [
        Difference(path, labels.get(path, path), before[path], after[path])
        for path in before
        if before[path] != after[path]
    ]


@dataclass(frozen=True)
class CaseChange:
    when: datetime
    kind: str
    what: str
    change: str
    by: str
    url: str


def _who(h) -> str:
    user = h.history_user
    return (user.full_name or user.username) if user else "系统"


def _change(h) -> str:
    text = HISTORY_TYPES.get(h.history_type, h.history_type)
    return f"{text}：{h.history_change_reason}" if h.history_change_reason else text


def _history(model, since: datetime, scope: Q, relevant: Q, *related: str):
    """The newest historical rows of `model` saved after `since` that the report counts, before or
    after the edit (a case moved out of the year or the offices changes the numbers too), at most
    CHANGE_LIMIT."""
    versions = model.history.model.objects
    previous = versions.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
    counted_before = Exists(versions.filter(scope, relevant, history_id=OuterRef("previous_id")))
    return (
        model.history.filter(history_date__gt=since)
        .annotate(
            previous_id=Subquery(
                previous.order_by("-history_date", "-history_id").values("history_id")[:1]
            )
        )
        .filter((scope & relevant) | counted_before)
        .select_related("history_user", *related)
        .order_by("-history_date")[:CHANGE_LIMIT]
    )


def _changes(rows, kind: str, what: str, url_name: str, pk: str, page_of) -> list[CaseChange]:
    """A CaseChange per historical row; `what` (its label) and `pk` (the page's id) are attribute
    paths on the row, e.g. "application.number"; `page_of` is the model of that page. A record voided
    since has no page (a voided record leaves every page but its history): no link, marked voided."""
    what_of, pk_of = attrgetter(what), attrgetter(pk)
    rows = list(rows)
    voided = set(
        page_of.objects.filter(
            pk__in={pk_of(h) for h in rows}, voided_at__isnull=False
        ).values_list("pk", flat=True)
    )
    return [
        CaseChange(
            h.history_date,
            kind,
            what_of(h),
            _change(h),
            _who(h),
            "" if pk_of(h) in voided else reverse(url_name, args=[pk_of(h)]),
        )
        for h in rows
    ]


def changed_cases(report: PublishedReport) -> list[CaseChange]:
    """Edits, since publication, of the cases this report counts (newest first, at most 200 a kind)."""
    p = Period(report.year)
    since = report.published_at
    scope = list(
        agency_scope(report.agency, include_children=report.include_children).values_list(
            "pk", flat=True
        )
    )
    own, their = Q(agency_id__in=scope), Q(application__agency_id__in=scope)
    relevant = Q(received_on__lte=p.last) & (
        Q(received_on__gte=p.first) | Q(concluded_on__isnull=True) | Q(concluded_on__gte=p.first)
    )
    consulted = Q(received_at__gte=p.start, received_at__lt=p.end) | Q(
        answered_at__gte=p.start, answered_at__lt=p.end
    )
    fee_settled = _in_year("paid_on", p) | _in_year("waived_on", p)
    out = [
        *_changes(
            _history(Application, since, own, relevant),
            "申请",
            "number",
            "application-detail",
            "id",
            Application,
        ),
        *_changes(
            _history(Consultation, since, own, consulted),
            "咨询",
            "topic",
            "consultation-detail",
            "id",
            Consultation,
        ),
        *_changes(
            _history(Fee, since, their, fee_settled, "application"),
            "费用",
            "application.number",
            "application-detail",
            "application_id",
            Application,
        ),
        *_changes(
            _history(Remedy, since, their, _in_year("filed_on", p), "application"),
            "复议诉讼申诉",
            "application.number",
            "application-detail",
            "application_id",
            Application,
        ),
    ]
    return sorted(out, key=lambda c: c.when, reverse=True)


def _in_year(field: str, p: Period) -> Q:
    return Q(**{f"{field}__gte": p.first, f"{field}__lte": p.last})


def default_year() -> int:
    """Reports are compiled early in the year for the year before."""
    return timeutil.today().year - 1
