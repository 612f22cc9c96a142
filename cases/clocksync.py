"""Where the pure deadline engine meets the database: the calendar from its rows, and the clock
fields stored on each application (so lists filter and sort in SQL) kept in step with its events."""

import time
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from django.conf import settings
from django.db import connection, transaction

from cases import timeutil
from cases.clock import engine
from cases.clock.calendar import CalendarEntry, WorkCalendar
from cases.models import Application, ApplicationEvent, CalendarDay, CalendarYear, Fee, User

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
# PostgreSQL advisory lock between the writes that count a clock (shared) and a calendar change's
# recompute of the open cases (exclusive); see hold_calendar
_CALENDAR_LOCK = 0x6B5F_63616C  # "k_cal"


def due_soon_days() -> int:
    return settings.GONGKAI["DUE_SOON_WORKING_DAYS"]


def calendar_rows() -> tuple[list[CalendarEntry], list[int]]:
    """The calendar's exceptions and covered years as stored."""
    entries = [
        CalendarEntry(day=d, workday=w, name=n)
        for d, w, n in CalendarDay.objects.values_list("day", "workday", "name")
    ]
    return entries, list(CalendarYear.objects.values_list("year", flat=True))


def load_calendar() -> WorkCalendar:
    return WorkCalendar(*calendar_rows())


def get_calendar() -> WorkCalendar:
    """The working-day calendar, cached in the process; edits in this process invalidate it at once,
    other processes pick them up within 30 seconds (stored deadlines are recomputed in the database).
    Every 30 seconds the stored days are read again (~1 ms, _reread)."""
    if _cached is None or time.monotonic() - _cached[0] > _CACHE_SECONDS:
        return _reread()
    return _cached[1]


def _reread() -> WorkCalendar:
    """The stored days read again and compared with the cached calendar's: only changed days build a
    new calendar (its index, ~15 ms); unchanged, the same object is kept, so the clocks remembered on
    it still serve."""
    global _cached
    entries, years = calendar_rows()
    if _cached is not None and _cached[1].has_days(entries, years):
        fresh = _cached[1]
    else:
        fresh = WorkCalendar(entries, years)
    _cached = (time.monotonic(), fresh)
    return fresh


def hold_calendar(*, exclusive: bool = False) -> None:
    """Hold the calendar until the end of the current transaction: shared by a write that stores a
    clock, exclusive by a calendar change's recompute. Row locks cannot cover a case being registered
    (its row is not there yet for the recompute to wait on): without this, a registration counted on
    the old calendar and committed after the recompute had read the open cases kept a deadline from
    the old calendar. A write takes it before any row lock, so the two never wait on each other in
    turn. SQLite runs one write at a time, and needs nothing."""
    if connection.vendor != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(%s)", [_CALENDAR_LOCK])


def current_calendar() -> WorkCalendar:
    """The calendar as stored now, for a write (inside its transaction, before it locks any row): held
    (hold_calendar) and read again (_reread, ~1 ms) whatever the cache's age. A worker's cache may be
    up to 30 seconds old; a deadline stored from it would miss an edit whose recompute of the open
    cases has already passed the case by."""
    hold_calendar()
    return _reread()


def invalidate_calendar() -> None:
    global _cached
    _cached = None


def clock_events(events: Iterable[ApplicationEvent]) -> list[engine.ClockEvent]:
    return [e.to_clock_event() for e in events]


def compute_for(
    application: Application, events: Iterable[ApplicationEvent], *, today: date | None = None
) -> engine.ClockResult:
    return remembered_clock(
        application.received_on,
        tuple(clock_events(events)),
        get_calendar(),
        today or timeutil.today(),
        due_soon_days(),
    )


@lru_cache(maxsize=10_000)
def remembered_clock(
    received_on: date,
    events: tuple[engine.ClockEvent, ...],
    cal: WorkCalendar,
    today: date,
    due_soon: int,
) -> engine.ClockResult:
    """engine.compute, remembered. The engine is a pure function of exactly these arguments (events
    and result are frozen values; the calendar counts by identity, and get_calendar keeps one object
    while its days are unchanged), so a case listed again the same day is not computed again: a list
    page's 50 clocks with their Chinese traces were a tenth of its time. At most 10,000 results."""
    return engine.compute(received_on, events, cal, today, due_soon_days=due_soon)


def clock_of(application: Application, *, today: date | None = None) -> engine.ClockResult:
    """The full clock (with its trace) of one application, from its events (none before it is saved)."""
    events = application.events.all() if application.pk else []
    return compute_for(application, events, today=today)


def clock_values(result: engine.ClockResult) -> tuple:
    """The stored clock fields (in CLOCK_FIELDS order) for an engine result."""
    # the frozen count of a stop that leaves the deadline unknown (a known one is counted from it)
    stopped = result.status in (engine.CONSULTING, engine.AWAITING_FEE) and result.deadline is None
    return (
        result.status,
        result.regime,
        result.deadline,
        result.provisional,
        result.extension_days,
        result.supplement_notice_due,
        result.working_days_left if stopped else None,
    )


def _apply(application: Application, result: engine.ClockResult) -> bool:
    """Copy the result onto the row; True if anything changed."""
    changed = False
    for field, value in zip(CLOCK_FIELDS, clock_values(result), strict=True):
        if getattr(application, field) != value:
            setattr(application, field, value)
            changed = True
    return changed


def refresh_application(application: Application) -> engine.ClockResult:
    """Recompute the stored clock fields from the events; the caller saves the row."""
    result = clock_of(application)
    _apply(application, result)
    return result


def _moved_reason(reason: str, before: tuple, after: tuple) -> str:
    """The reason with what changed of the stored clock (CLOCK_FIELDS order) in words: a reply deadline
    moved, confirmed or made provisional, a supplement notice's date moved, and so on."""
    old, new = (
        dict(zip(CLOCK_FIELDS, before, strict=True)),
        dict(zip(CLOCK_FIELDS, after, strict=True)),
    )
    changes = []
    state = "待节假日安排公布后确认" if new["deadline_provisional"] else "已确认"
    if old["deadline"] != new["deadline"]:
        moved = f"答复期限由{old['deadline'] or '未定'}变为{new['deadline'] or '未定'}"
        if old["deadline_provisional"] != new["deadline_provisional"]:
            moved += f"（{state}）"
        changes.append(moved)
    elif old["deadline_provisional"] != new["deadline_provisional"]:
        changes.append(f"答复期限{new['deadline'] or '未定'}{state}")
    # the frozen count of a stop is said only while it stands for the deadline (the deadline unknown)
    said = {"deadline", "deadline_provisional"}
    if old["deadline"] != new["deadline"]:
        said.add("stopped_days_left")
    for field in CLOCK_FIELDS:
        if field in said or old[field] == new[field]:
            continue
        label = Application._meta.get_field(field).verbose_name
        shown = dict(Application._meta.get_field(field).flatchoices)
        was, now = (shown.get(v, "未定" if v is None else v) for v in (old[field], new[field]))
        changes.append(f"{label}由{was}变为{now}")
    return f"{reason}：{'；'.join(changes)}"


EVENT_COLUMNS = ("application_id", "kind", "on", "days", "deadline", "note")


@transaction.atomic
def recompute_open_applications(
    *, reason: str, user: User | None = None, batch_size: int = 5000
) -> int:
    """Recompute every open application after a calendar change. Each moved row is updated and gets a
    history record carrying the reason, in the name of `user` (who changed the calendar; None: the
    system, e.g. the upgrade command). Per batch a fixed number of statements: read the rows, read their
    events, one executemany UPDATE, one executemany history INSERT. Then the payment due dates of the
    fees awaited (recompute_fee_due_dates). Returns how many cases had a date moved.

    Each batch's rows are locked as they are read (held to the end of the caller's transaction): an
    action holding a case's row is waited for, and the case is then counted with that action's event;
    an action coming later waits for the new calendar. Unlocked, a case an action changed meanwhile was
    skipped, keeping a deadline counted on the old calendar (and a history record of a move not made).
    The calendar is held exclusively first (hold_calendar): a registration still counting on the old
    calendar is waited for, and one coming later counts on the new."""
    hold_calendar(exclusive=True)
    invalidate_calendar()
    cal, today, soon = get_calendar(), timeutil.today(), due_soon_days()
    open_apps = Application.objects.exclude(status=Application.Status.CONCLUDED).filter(
        voided_at__isnull=True
    )
    moved: set[int] = set()
    last_pk = 0
    while True:
        rows = list(
            open_apps.filter(pk__gt=last_pk)
            .order_by("pk")
            .select_for_update()
            .values_list("pk", "version", "received_on", *CLOCK_FIELDS)[:batch_size]
        )
        if not rows:
            return len(moved | recompute_fee_due_dates(reason=reason, cal=cal, user=user))
        first_pk, last_pk = rows[0][0], rows[-1][0]
        events: dict[int, list[engine.ClockEvent]] = defaultdict(list)
        in_range = ApplicationEvent.objects.filter(
            application_id__gte=first_pk, application_id__lte=last_pk
        )
        for app_id, kind, on, days, deadline, note in in_range.order_by("on", "id").values_list(
            *EVENT_COLUMNS
        ):
            events[app_id].append(
                engine.ClockEvent(kind=kind, on=on, days=days, deadline=deadline, reason=note)
            )
        changes = []
        for pk, version, received_on, *stored in rows:
            values = clock_values(
                engine.compute(received_on, events[pk], cal, today, due_soon_days=soon)
            )
            if values != tuple(stored):
                changes.append((pk, version, values, _moved_reason(reason, tuple(stored), values)))
        _write_changes(changes, user=user)
        moved.update(pk for pk, *_ in changes)


def recompute_fee_due_dates(
    *, reason: str, cal: WorkCalendar, user: User | None = None
) -> set[int]:
    """The payment due date of every fee still awaited (notified, neither paid nor waived, its case open)
    counted again on `cal`; each moved fee saved with the reason in its history. Returns the ids of the
    applications whose fee moved. Few rows: only cases waiting for a payment."""
    awaited = Fee.objects.filter(
        paid_on__isnull=True,
        waived_on__isnull=True,
        application__status=Application.Status.AWAITING_FEE,
        application__voided_at__isnull=True,
    )
    moved = set()
    for fee in awaited:
        due = engine.fee_payment_due(fee.notified_on, cal)
        if fee.pay_due_on != due:
            fee._change_reason = f"{reason}：缴费期限由{fee.pay_due_on}变为{due}"
            fee._history_user = user
            fee.pay_due_on = due
            fee.save(update_fields=["pay_due_on"])
            moved.add(fee.application_id)
    return moved


def _write_changes(changes: list[tuple[int, int, tuple, str]], *, user: User | None) -> None:
    """UPDATE the moved rows (skipping any a concurrent action changed meanwhile) and copy each into the
    history table with its reason and its user, as simple_history would: two statements whatever the
    batch holds."""
    if not changes:
        return
    q = connection.ops.quote_name
    table = q(Application._meta.db_table)
    history_table = q(Application.history.model._meta.db_table)
    columns = [q(f.column) for f in Application._meta.concrete_fields]
    stamp, user_id = timeutil.now(), user.pk if user is not None else None
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _write_postgresql(cursor, changes, table, history_table, columns, stamp, user_id)
            return
        assignments = ", ".join(f"{q(f)} = %s" for f in CLOCK_FIELDS)
        cursor.executemany(
            f"UPDATE {table} SET {assignments} WHERE id = %s AND version = %s",
            [(*values, pk, version) for pk, version, values, _ in changes],
        )
        cursor.executemany(
            f"INSERT INTO {history_table} ({', '.join(columns)}, history_date, history_change_reason, history_type, history_user_id) "
            f"SELECT {', '.join(columns)}, %s, %s, '~', %s FROM {table} WHERE id = %s",
            [(stamp, why, user_id, pk) for pk, _, _, why in changes],
        )


_PG_TYPES = (
    "text",
    "text",
    "date",
    "boolean",
    "integer",
    "date",
    "integer",
)  # CLOCK_FIELDS in order


def _write_postgresql(cursor, changes, table, history_table, columns, stamp, user_id) -> None:
    """PostgreSQL: one UPDATE … FROM unnest(arrays) and one INSERT … SELECT for the whole batch."""
    q = connection.ops.quote_name
    unnest = ", ".join(
        f"unnest(%s::{t}[]) AS {q(f)}" for f, t in zip(CLOCK_FIELDS, _PG_TYPES, strict=True)
    )
    assignments = ", ".join(f"{q(f)} = v.{q(f)}" for f in CLOCK_FIELDS)
    arrays = [[values[i] for _, _, values, _ in changes] for i in range(len(CLOCK_FIELDS))]
    cursor.execute(
        f"UPDATE {table} AS a SET {assignments} FROM (SELECT unnest(%s::bigint[]) AS id, "
        f"unnest(%s::integer[]) AS version, {unnest}) AS v WHERE a.id = v.id AND a.version = v.version",
        [[c[0] for c in changes], [c[1] for c in changes], *arrays],
    )
    selected = ", ".join(f"a.{c}" for c in columns)
    cursor.execute(
        f"INSERT INTO {history_table} ({', '.join(columns)}, history_date, history_change_reason, history_type, history_user_id) "
        f"SELECT {selected}, %s, v.why, '~', %s::bigint FROM {table} AS a "
        f"JOIN (SELECT unnest(%s::bigint[]) AS id, unnest(%s::text[]) AS why) AS v ON a.id = v.id",
        [stamp, user_id, [c[0] for c in changes], [c[3] for c in changes]],
    )
