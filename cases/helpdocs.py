"""The in-app help (使用说明, templates/help/): its pages, and the numbers and dates it states, taken
from the code that applies them, so the help cannot tell a clerk one limit while the clock counts
another. The help's templates hold no number of their own (tests/cases/test_help_pages.py)."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.urls import reverse

from cases import access, context_processors, fees, selectors_board
from cases.clock import engine
from cases.clocksync import due_soon_days, get_calendar
from cases.models import Agency, Application, User
from cases.reports import spec
from cases.services import handling, registration

# 《条例》第四十九条 (law.md §9): the report on the year before is due on these days of the year
REPORT_DUE_DEPARTMENTS = (1, 31)  # 县级以上人民政府部门 submit it
REPORT_DUE_GOVERNMENTS = (3, 31)  # 县级以上人民政府 publish it
ITEM_BANDS_SHOWN = 5  # 按件计收 goes on without end: the help prints this many bands, then 依此类推


@dataclass(frozen=True)
class HelpPage:
    slug: str
    title: str
    summary: str
    role: str = ""  # the role the page is written for ("" for the topics every role reads)

    @property
    def url_name(self) -> str:
        return f"help-{self.slug}"

    @property
    def template(self) -> str:
        return f"help/{self.slug.replace('-', '_')}.html"


Role = User.Role
PAGES: tuple[HelpPage, ...] = (
    HelpPage("front-desk", "前台登记员", "登记申请和咨询，答复咨询，查台账。", Role.FRONT_DESK),
    HelpPage("handler", "承办人", "在工作台上办理申请：补正、征求意见、延期、收费、答复。", Role.HANDLER),
    HelpPage("supervisor", "负责人", "分办、批准延期和减免、督办看板、作废、年度报告。", Role.SUPERVISOR),
    HelpPage("admin", "管理员", "工作人员和机关、节假日安排，以及负责人能做的一切。", Role.ADMIN),
    HelpPage("deadlines", "答复期限怎么算", "工作日、收到申请之日、补正、征求意见、延期、收费、待确认的期限。"),
    HelpPage("annual-report", "年度报告", "统计口径、两种格式、校验、发布和下载。"),
)  # fmt: skip
BY_SLUG = {page.slug: page for page in PAGES}
BY_ROLE = {page.role: page for page in PAGES if page.role}

# where the help may link, and who may open each page: the top bar's own rule (NAV), and 系统管理
# for staff accounts; a name missing here is refused, so no link is added without deciding who sees it
NAV = context_processors.NAV
LINKABLE: dict[str, str | None] = {name: capability for _, name, capability in NAV}
NAV_LABELS: dict[str, str] = {name: label for label, name, _ in NAV}
ADMIN_SITE = "admin:index"


def may_open(user: User, url_name: str) -> bool:
    """Whether the help links this page for this user (else it names it without a link)."""
    if url_name == ADMIN_SITE:
        return user.is_active and user.is_staff
    if url_name not in LINKABLE:
        raise KeyError(f"the help has no rule for linking {url_name!r}: add it to LINKABLE")
    capability = LINKABLE[url_name]
    return capability is None or access.can(user, capability)


def page_for(user: User) -> HelpPage | None:
    """The role's own page (a superuser without an office role reads the administrator's)."""
    if user.role in BY_ROLE:
        return BY_ROLE[user.role]
    return BY_ROLE[Role.ADMIN] if user.is_superuser else None


def _band_rows(bands: tuple[fees.Band, ...], unit: str) -> list[dict]:
    rows = []
    for first, last, price in bands:
        span = f"第{first}{unit}及以上" if last is None else f"第{first}–{last}{unit}"
        rows.append({"span": span, "price": price, "free": price == 0})
    return rows


def _last_year_of_old_words() -> int:
    """The last year whose report speaks the 2008 Regulations' words (spec.vocabulary)."""
    year = spec.FIRST_YEAR
    while spec.vocabulary(year + 1) == engine.REGIME_2008:
        year += 1
    return year


def facts(user: User) -> dict:
    """Every number and date the help states, from the code that applies it."""
    cal = get_calendar()
    office = user.agency if user.agency_id else None
    hotline = office.hotline if office else Agency._meta.get_field("hotline").default
    regime_2008, regime_2019 = engine.REGIME_2008, engine.REGIME_2019
    channels = dict(Application.Channel.choices)
    return {
        "reply_2019": engine.reply_limit(regime_2019),
        "reply_2008": engine.reply_limit(regime_2008),
        "cap_2019": engine.extension_cap(regime_2019),
        "cap_2008": engine.extension_cap(regime_2008),
        "regime_boundary": engine.REGIME_BOUNDARY,
        "earliest_receipt": registration.EARLIEST_RECEIPT,
        "supplement_notice_days": engine.SUPPLEMENT_NOTICE_DAYS,
        "supplement_period": engine.DEFAULT_SUPPLEMENT_PERIOD,
        "supplement_max": handling.MAX_SUPPLEMENT_PERIOD,
        "third_party_days": engine.THIRD_PARTY_REPLY_DAYS,
        "fee_payment_days": engine.FEE_PAYMENT_DAYS,
        "due_soon_days": due_soon_days(),
        "due_soon_default": engine.DEFAULT_DUE_SOON_DAYS,
        "art35_max_days": handling.ART35_MAX_DAYS,
        "fee_start": fees.FEE_START,
        "page_bands": _band_rows(fees.page_bands(), "页"),
        "item_bands": _band_rows(fees.item_bands(ITEM_BANDS_SHOWN), "件"),
        "receipt_dates": [
            {
                "channel": channels[c],
                "label": registration.RECEIPT_DATE_LABELS[c],
                "help": registration.RECEIPT_DATE_HELP[c],
            }
            for c in Application.Channel.values
        ],
        "hotline": hotline,
        "calendar_last_year": cal.last_covered_year,
        "calendar_warning_month": context_processors.CALENDAR_WARNING_FROM_MONTH,
        "board_list_limit": selectors_board.LIST_LIMIT,
        "national_from": spec.NATIONAL_FORMAT_FROM_YEAR,
        "report_first_year": spec.FIRST_YEAR,
        "old_words_last_year": _last_year_of_old_words(),
        "report_due_departments": date(2000, *REPORT_DUE_DEPARTMENTS),
        "report_due_governments": date(2000, *REPORT_DUE_GOVERNMENTS),
        "login_failure_limit": settings.AXES_FAILURE_LIMIT,
        "login_cooloff_hours": settings.AXES_COOLOFF_TIME,
    }


def context(user: User, page: HelpPage | None) -> dict:
    own = page_for(user)
    return {
        "help_pages": [
            {"page": p, "url": reverse(p.url_name), "current": p == page} for p in PAGES
        ],
        "help_page": page,
        "own_page": own,
        "own_url": reverse(own.url_name) if own else "",
        "facts": facts(user),
    }
