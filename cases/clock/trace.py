"""The Chinese sentences of a clock's trace, one function per kind of step. Pure Python."""

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from cases.clock.calendar import WorkCalendar
from cases.clock.counting import StopEffect
from cases.clock.events import (
    CONCLUDED,
    CONSULTATION,
    CONSULTATION_ENDED,
    FEE_PAID,
    FEE_WAIVED,
    WITHDRAWN,
    ClockEvent,
)

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_ARTICLES = {"2008": "第二十四条", "2019": "第三十三条"}
_STOP_ENDS = {
    CONSULTATION_ENDED: "止",
    FEE_PAID: "缴费止",
    FEE_WAIVED: "减免费用止",
    CONCLUDED: "办结止",
    WITHDRAWN: "申请人撤回止",
}


@lru_cache(maxsize=4096)
def format_day(d: date) -> str:
    """2026-03-02(周一) (remembered: a trace has several, and a list's cases share their days)"""
    return f"{d.isoformat()}({WEEKDAYS[d.weekday()]})"


def received(d: date, cal: WorkCalendar) -> str:
    if cal.is_working_day(d):
        return f"{format_day(d)}收到申请"
    return f"{format_day(d)}收到申请（当日非工作日，自其后的第一个工作日起计算）"


def regime(regime: str, limit: int) -> str:
    return f"依{regime}年《条例》{_ARTICLES[regime]}，答复期限{limit}个工作日"


def supplement_requested(event: ClockEvent, period_end: date | None, notice_due: date) -> str:
    text = f"{format_day(event.on)}告知补正"
    if period_end is not None:
        text += f"，补正期限至{format_day(period_end)}"
    if event.on > notice_due:
        text += f"（晚于补正告知期限{format_day(notice_due)}）"
    return text


def supplement_received(d: date, limit: int) -> str:
    return f"{format_day(d)}收到补正，答复期限自该日起重新计算{limit}个工作日"


def awaiting_supplement() -> str:
    return "尚未收到补正，答复期限自收到补正之日起计算"


def stop(effect: StopEffect, payment_due: date | None) -> str:
    s = effect.stop
    if s.channel == CONSULTATION:
        text = f"{format_day(s.start)}起征求第三方意见"
    else:
        text = f"{format_day(s.start)}发出收费通知"
    if s.end is None:
        if s.channel == CONSULTATION:
            return text + "，尚未结束，其间不计入期限"
        due = f"（应于{format_day(payment_due)}前缴费）" if payment_due else ""
        return text + f"，尚未缴费，其间不计入期限{due}"
    text += f"，至{format_day(s.end)}{_STOP_ENDS.get(s.ended_by, '止')}"
    if effect.before_start:
        return text + "，在答复期限起算之前，不影响期限"
    text += f"，其间{effect.removed}个工作日不计入期限"
    if (
        effect.own_days is not None
        and effect.removed is not None
        and effect.own_days > effect.removed
    ):
        text += f"（与其他中止期间重叠的{effect.own_days - effect.removed}个工作日不重复计算）"
    return text


def extension(event: ClockEvent, cumulative: int, cap: int) -> str:
    text = (
        f"{format_day(event.on)}延长答复期限{event.days}个工作日（累计{cumulative}个，上限{cap}个）"
    )
    return text + (f"，理由：{event.reason}" if event.reason else "")


def override(event: ClockEvent, regime: str, until: date) -> str:
    basis = "依2019年《条例》第三十五条" if regime == "2019" else ""
    text = f"{format_day(event.on)}{basis}确定答复期限至{format_day(until)}"
    return text + (f"，理由：{event.reason}" if event.reason else "")


def replaced(computed: date | None) -> str:
    if computed is None:
        return "以确定的答复期限为准"
    return f"按法定期限计算应为{format_day(computed)}，以确定的答复期限为准"


def calendar_years(years: Iterable[int]) -> str:
    return f"按{'、'.join(str(y) for y in years)}年节假日安排计算"


def uncovered_year(year: int, cal: WorkCalendar) -> str:
    if cal.last_covered_year is None or year > cal.last_covered_year:
        return f"{year}年节假日安排尚未公布，按周末推算，待节假日安排公布后确认"
    return f"日历未录入{year}年节假日安排，按周末推算，待录入后确认"


def holidays(cal: WorkCalendar, after: date, through: date) -> list[str]:
    """Holidays on weekdays (not counted) and make-up weekend days (counted) in (after, through]."""
    names: list[str] = []
    makeup: list[str] = []
    for entry in cal.entries_between(after, through):
        weekend = entry.day.weekday() > 4
        if not entry.workday and not weekend and entry.name not in names:
            names.append(entry.name)
        elif entry.workday and weekend:
            makeup.append(format_day(entry.day))
    lines = []
    if names:
        lines.append(f"其间{'、'.join(names)}放假，不计入工作日")
    if makeup:
        lines.append(f"{'、'.join(makeup)}调休上班，计为工作日")
    return lines


def deadline(d: date) -> str:
    return f"截止{format_day(d)}"


def stopped(counted_days: int, left: int) -> str:
    return f"期限中止计算，已计{counted_days}个工作日，剩余{left}个工作日"


def concluded(event: ClockEvent, late: bool, cal: WorkCalendar, due: date | None) -> str:
    verb = "申请人撤回申请" if event.kind == WITHDRAWN else "办结"
    text = f"{format_day(event.on)}{verb}"
    if late and due is not None:
        text += f"，晚于答复期限{format_day(due)}"
        over = cal.working_days_between(due, event.on)
        text += f"（超期{over}个工作日）" if over else ""
    return text
