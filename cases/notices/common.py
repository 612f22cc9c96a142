"""What every notice shares (law.md §4–§6): its shape, the law it cites, and the opening lines.

Each notice names the office, the case number, the dates that matter and, for the reply, the outcome's
wording and its legal basis. A case that received its application before 2019-05-15 is under the 2008
text (国务院令第492号) and its notices cite that text's articles."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from cases.clock import engine
from cases.clocksync import get_calendar
from cases.models import Application, ApplicationEvent

KINDS: dict[str, str] = {
    "supplement": "补正告知书",
    "extension": "延期答复告知书",
    "deadline": "延迟答复告知书",
    "fee": "收费通知书",
    "consultation": "第三方意见征询函",
    "reply": "政府信息公开申请答复书",
}
AGENCY_CONSULTATION_TITLE = "政府信息公开征求意见函"
# the notice each step's event calls for (event_of names it when the case has none)
_NOTICE_OF_EVENT = {
    ApplicationEvent.Kind.SUPPLEMENT_REQUESTED: "supplement",
    ApplicationEvent.Kind.EXTENDED: "extension",
    ApplicationEvent.Kind.DEADLINE_SET: "deadline",
    ApplicationEvent.Kind.CONSULTATION_STARTED: "consultation",
}

LAW = {
    engine.REGIME_2019: "《中华人民共和国政府信息公开条例》",
    engine.REGIME_2008: "《中华人民共和国政府信息公开条例》（国务院令第492号）",
}


class NoticeUnavailable(Exception):
    """The case has no such notice (yet): e.g. no supplement was requested, or it is not concluded."""


@dataclass(frozen=True)
class Notice:
    kind: str
    title: str
    office: str
    number: str  # the case number
    addressee: str
    paragraphs: tuple[str, ...]
    dated: date
    table: tuple[tuple[str, str], ...] = field(default=())  # label → value (fee details)
    closing: tuple[str, ...] = field(default=())  # paragraphs after the table
    footer: tuple[str, ...] = field(default=())  # contact lines under the signature

    @property
    def filename(self) -> str:
        return f"{self.number}{self.title}.docx"

    @property
    def text(self) -> str:
        """All the words of the notice, in order (for search and tests)."""
        lines = [self.title, f"申请编号：{self.number}", self.addressee, *self.paragraphs]
        lines += [f"{k}：{v}" for k, v in self.table]
        lines += [*self.closing, self.office, cn_date(self.dated), *self.footer]
        return "\n".join(lines)


@dataclass(frozen=True)
class NoticeLink:
    kind: str
    title: str
    event_id: int | None
    dated: date


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def provisional_note(day: date) -> str:
    """Said after a date counted in working days into a year whose holiday arrangement is not out."""
    return f"（{day.year}年节假日安排尚未公布，该日期按周末推算，公布后如有变化另行告知）"


def counted_note(start: date, day: date) -> str:
    """provisional_note for a date counted from `start` to `day`, if any year between them is not
    covered by the calendar (law.md §2: provisional wherever it is shown); else nothing."""
    uncovered = engine.uncovered_year_lines(get_calendar(), start.year, day.year)
    return provisional_note(day) if uncovered else ""


def _addressee(application: Application) -> str:
    return f"{application.applicant.name}："


def received(application: Application) -> str:
    return (
        f"本机关于{cn_date(application.received_on)}收到您提出的政府信息公开申请"
        f"（申请编号：{application.number}），申请获取“{application.content}”。"
    )


def _footer(application: Application) -> tuple[str, ...]:
    return (f"咨询电话：{application.agency.hotline}",)


def event_of(events: Sequence[ApplicationEvent], kind: str, event_id: int | None):
    matching = [e for e in events if e.kind == kind]
    if event_id is not None:
        matching = [e for e in matching if e.pk == event_id]
    if not matching:
        title = KINDS.get(_NOTICE_OF_EVENT.get(kind, ""), "文书")
        raise NoticeUnavailable(f"本申请没有可生成的{title}。")
    return matching[-1]


def make_notice(application: Application, kind: str, paragraphs, dated: date, **extra) -> Notice:
    return Notice(
        kind=kind,
        title=extra.pop("title", KINDS[kind]),
        office=application.agency.name,
        number=application.number,
        addressee=extra.pop("addressee", _addressee(application)),
        paragraphs=tuple(p for p in paragraphs if p),
        dated=dated,
        footer=extra.pop("footer", _footer(application)),
        **extra,
    )
