"""Where the pure deadline engine meets the database: the calendar from its rows, and the clock
fields stored on each application (so lists filter and sort in SQL) kept in step with its events."""

import time
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.conf import settings

from cases import timeutil
from cases.clock import engine
from cases.clock.calendar import CalendarEntry, WorkCalendar
from cases.models import Application, ApplicationEvent, CalendarDay, CalendarYear

CLOCK_FIELDS = [
    "status",
    "regime",
    "deadline",
    "deadline_provisional",
    "extension_days",
    "supplement_notice_due",
    "stopped_days_left",
]
_CACHE_SECONDS = 30.0
_cached: tuple[float, WorkCalendar] | None = None


def due_soon_days() -> int:
    return settings.GONGKAI["DUE_SOON_WORKING_DAYS"]


def load_calendar() -> WorkCalendar:
    entries = [
        CalendarEntry(day=d, workday=w, name=n)
        for d, w, n in CalendarDay.objects.values_list("day", "workday", "name")
    ]
    return WorkCalendar(entries, CalendarYear.objects.values_list("year", flat=True))


def get_calendar() -> WorkCalendar:
    """The working-day calendar, cached in the process; edits in this process invalidate it at once,
    other processes pick them up within 30 seconds (stored deadlines are recomputed in the database)."""
    global _cached
    if _cached is None or time.monotonic() - _cached[0] > _CACHE_SECONDS:
        _cached = (time.monotonic(), load_calendar())
    return _cached[1]


def invalidate_calendar() -> None:
    global _cached
    _cached = None


def clock_events(events: Iterable[ApplicationEvent]) -> list[engine.ClockEvent]:
    return [e.to_clock_event() for e in events]


def compute_for(
    application: Application, events: Iterable[ApplicationEvent], *, today: date | None = None
) -> engine.ClockResult:
    return engine.compute(
        application.received_on,
        clock_events(events),
        get_calendar(),
        today or timeutil.today(),
        due_soon_days=due_soon_days(),
    )


def clock_of(application: Application, *, today: date | None = None) -> engine.ClockResult:
    """The full clock (with its trace) of one application, from its events (none before it is saved)."""
    events = application.events.all() if application.pk else []
    return compute_for(application, events, today=today)


def _apply(application: Application, result: engine.ClockResult) -> bool:
    """Copy the result onto the row; True if anything changed."""
    values = {
        "status": result.status,
        "regime": result.regime,
        "deadline": result.deadline,
        "deadline_provisional": result.provisional,
        "extension_days": result.extension_days,
        "supplement_notice_due": result.supplement_notice_due,
        "stopped_days_left": result.working_days_left
        if result.status in (engine.CONSULTING, engine.AWAITING_FEE)
        else None,
    }
    changed = False
    for field, value in values.items():
        if getattr(application, field) != value:
            setattr(application, field, value)
            changed = True
    return changed


def refresh_application(application: Application) -> engine.ClockResult:
    """Recompute the stored clock fields from the events; the caller saves the row."""
    result = clock_of(application)
    _apply(application, result)
    return result


def _moved_reason(reason: str, before: date | None, after: date | None) -> str:
    return f"{reason}：答复期限由{before or '未定'}变为{after or '未定'}"


def recompute_open_applications(*, reason: str, batch_size: int = 2000) -> int:
    """Recompute every open application after a calendar change; each moved date is saved with
    a history record carrying the reason. A constant number of queries per batch. Returns moved count."""
    invalidate_calendar()
    moved = 0
    last_pk = 0
    open_apps = Application.objects.exclude(status=Application.Status.CONCLUDED).filter(
        voided_at__isnull=True
    )
    while True:
        batch = list(open_apps.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not batch:
            return moved
        last_pk = batch[-1].pk
        by_app: dict[int, list[ApplicationEvent]] = defaultdict(list)
        for event in ApplicationEvent.objects.filter(
            application_id__in=[a.pk for a in batch]
        ).order_by("on", "id"):
            by_app[event.application_id].append(event)
        changed = []
        for application in batch:
            before = application.deadline
            if _apply(application, compute_for(application, by_app[application.pk])):
                application._change_reason = _moved_reason(reason, before, application.deadline)
                changed.append(application)
        if changed:
            _bulk_save_with_reasons(changed)
            moved += len(changed)


def _bulk_save_with_reasons(applications: list[Application]) -> None:
    """One UPDATE for the batch, then one history row per application carrying its own reason."""
    Application.objects.bulk_update(applications, CLOCK_FIELDS)
    history = Application.history.model
    stamp = timeutil.now()
    fields = [f.attname for f in Application._meta.fields]
    rows = []
    for application in applications:
        row = history(**{name: getattr(application, name) for name in fields})
        row.history_type = "~"
        row.history_change_reason = application._change_reason
        row.history_date = stamp
        rows.append(row)
    history.objects.bulk_create(rows)
