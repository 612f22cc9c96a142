"""Demo data: a county government with a township under it, staff of every role, and two years of
realistic applications and consultations that pass through every branch of a case — all entered
through the same services the pages use, so the demo obeys the same rules as real work."""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from cases import outcomes, timeutil
from cases.clock import engine
from cases.clocksync import get_calendar
from cases.models import Agency, Application, Consultation, User
from cases.services import fees as fee_services
from cases.services import handling, registration, remedies

DEMO_PASSWORD = "gongkai-demo-2026"

OFFICES = [
    # code, name, short name, parent code
    ("yuanmou", "元谋县人民政府", "本机关", None),
    ("jiangyi", "姜驿乡人民政府", "我乡", "yuanmou"),
    ("ym-zrzy", "元谋县自然资源局", "我局", "yuanmou"),
]
ROLES = [
    ("front", User.Role.FRONT_DESK, "前台"),
    ("handler", User.Role.HANDLER, "承办"),
    ("supervisor", User.Role.SUPERVISOR, "负责人"),
    ("admin", User.Role.ADMIN, "管理员"),
]
SURNAMES = "李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = [
    "建国",
    "秀英",
    "志强",
    "海燕",
    "国华",
    "丽华",
    "明",
    "芳",
    "卫东",
    "春梅",
    "永红",
    "德胜",
    "玉兰",
    "文斌",
]
CONTENTS = [
    "2023年度本乡土地征收补偿安置方案及补偿标准",
    "姜驿乡{year}年财政预决算及“三公”经费支出情况",
    "本村集体土地承包经营权确权登记的相关文件",
    "{year}年度农村危房改造补助对象名单及补助标准",
    "元谋至姜驿公路改扩建项目的立项批复和环评文件",
    "本乡低保、特困人员救助供养对象的审批程序和名单",
    "某砂石料场的采矿许可证及年检情况",
    "乡卫生院建设项目招投标文件及中标结果",
    "退耕还林补助资金发放明细",
    "村委会换届选举的相关通知及选举结果公告",
]
ORGS = [
    ("commercial_enterprise", "元谋县金沙建材有限公司"),
    ("research_institution", "云南省农业科学院热区生态农业研究所"),
    ("public_interest_org", "楚雄州绿色家园环保志愿者协会"),
    ("legal_service_org", "云南滇中律师事务所"),
    ("other_org", "姜驿村民委员会"),
]
TOPICS = [
    "如何申请政府信息公开",
    "依申请公开的办理期限",
    "低保政策查询",
    "征地补偿标准查询",
    "政府信息公开指南在哪里查看",
    "申请表填写指导",
    "信息处理费收费标准",
    "惠农补贴发放时间",
]


def _id_number(rng: random.Random) -> str:
    from cases.identity import id_check_char

    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 20000))
    first17 = f"532328{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return first17 + id_check_char(first17)


def _credit_code(rng: random.Random) -> str:
    from cases.identity import CREDIT_CHARSET, credit_check_char

    body = "9153" + "2328" + "".join(rng.choice(CREDIT_CHARSET[:10]) for _ in range(9))
    return body + credit_check_char(body)


def create_offices_and_staff() -> dict[str, Agency]:
    agencies: dict[str, Agency] = {}
    for code, name, short, parent in OFFICES:
        agency, _ = Agency.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "parent": agencies.get(parent) if parent else None,
            },
        )
        agencies[code] = agency
        for suffix, role, label in ROLES:
            user, created = User.objects.get_or_create(
                username=f"{code}-{suffix}",
                defaults={
                    "agency": agency,
                    "role": role,
                    "full_name": f"{name[:4]}{label}",
                    "email": f"{code}-{suffix}@example.gov.cn",
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = role == User.Role.ADMIN
                if user.is_staff:
                    user.is_superuser = code == "yuanmou"
                user.save()
    return agencies


class DemoBuilder:
    def __init__(self, seed: int = 2026) -> None:
        self.rng = random.Random(seed)
        self.today = timeutil.today()
        self.cal = get_calendar()

    def staff(self, agency: Agency, suffix: str) -> User:
        return User.objects.get(username=f"{agency.code}-{suffix}")

    def applicant(self) -> registration.ApplicantData:
        rng = self.rng
        if rng.random() < 0.75:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN)
            return registration.ApplicantData(
                type="natural_person",
                name=name,
                id_number=_id_number(rng),
                phone=f"13{rng.randrange(100000000, 999999999)}",
                address="云南省楚雄州元谋县姜驿乡",
            )
        kind, name = rng.choice(ORGS)
        return registration.ApplicantData(
            type=kind,
            name=name,
            credit_code=_credit_code(rng),
            phone=f"0878-{rng.randrange(1000000, 9999999)}",
        )

    def work_day_after(self, d: date, n: int) -> date:
        return min(self.cal.add_working_days(d, n), self.today)

    def register(
        self, agency: Agency, received_on: date, *, items: int | None = None
    ) -> Application:
        content = self.rng.choice(CONTENTS).format(year=received_on.year - 1)
        return registration.application_register(
            user=self.staff(agency, "front"),
            agency=agency,
            channel=self.rng.choice(Application.Channel.values),
            received_on=received_on,
            applicant=self.applicant(),
            content=content,
            items=items or self.rng.choice([1, 1, 1, 2, 3]),
            handler=self.staff(agency, "handler"),
        )

    def received_for_deadline(self, target: date) -> date:
        """The latest receipt date whose 20-working-day deadline is on or before `target`."""
        for back in range(0, 90):
            day = self.today - timedelta(days=back)
            if self.cal.add_working_days(day, 20) <= target:
                return day
        return self.today - timedelta(days=90)

    def received_for(self, scenario: str) -> date | None:
        """Receipt dates that put a scenario where the demo needs it (overdue, due soon, recent)."""
        cal, today = self.cal, self.today
        back_working = {  # received this many working days before today
            "open": 5,
            "supplement_pending": 3,
            "consulting": 6,
            "agency_consultation": 4,
            "awaiting_fee": 4,
            "art35": 8,
            "provisional": 3,
            "reassigned": 2,
            "late_notice": 12,
            "supplement_lapsed": 30,
            "overdue_consulting": 30,
            "fee_unpaid": 45,
            "fee_lapsed": 40,
            "fee_waived": 30,
            "late_this_year": 35,
        }
        if scenario in back_working:
            day = today
            for _ in range(back_working[scenario]):
                day -= timedelta(days=1)
                while not cal.is_working_day(day):
                    day -= timedelta(days=1)
            return day
        if scenario == "overdue":
            return self.received_for_deadline(today - timedelta(days=7))
        if scenario == "newly_overdue":
            yesterday = today - timedelta(days=1)
            while not cal.is_working_day(yesterday):
                yesterday -= timedelta(days=1)
            return self.received_for_deadline(yesterday)
        if scenario == "due_soon":
            return self.received_for_deadline(cal.add_working_days(today, 2))
        if scenario == "due_today":
            return self.received_for_deadline(today)
        return None

    def conclude(self, app: Application, on: date, outcome: str) -> Application:
        needs = outcome in outcomes.NEEDS_REASON
        return handling.application_conclude(
            user=self.staff(app.agency, "handler"),
            application=app,
            on=on,
            outcome=outcome,
            reason="经审查，" + outcomes.BY_CODE[outcome].label if needs else "",
            basis="《中华人民共和国政府信息公开条例》第三十六条" if needs else "",
            referred_to="元谋县自然资源局，电话0878-8212345"
            if outcome == "unable.not_held"
            else "",
        )

    def one_case(self, agency: Agency, received_on: date, scenario: str) -> None:
        # 12 件 in one application: the 11th and 12th of the month are charged (按件计收)
        app = self.register(agency, received_on, items=12 if scenario == "fee_per_item" else None)
        h = self.staff(agency, "handler")
        sup = self.staff(agency, "supervisor")

        def step(n: date | None) -> date:
            return self.work_day_after(app.received_on if n is None else n, self.rng.randint(2, 6))

        if scenario in ("open", "overdue", "newly_overdue", "due_soon", "due_today"):
            return
        if self.extra_case(app, scenario, h, sup):
            return
        if scenario == "supplement_pending":
            handling.application_request_supplement(
                user=h,
                application=app,
                on=step(None),
                items_to_supplement="请明确所需信息的年份和具体名称",
            )
            return
        if scenario == "consulting":
            handling.application_start_consultation(
                user=h, application=app, on=step(None), party="相关权利人（第三方）"
            )
            return
        if scenario == "supplement_then_reply":
            on1 = step(None)
            handling.application_request_supplement(
                user=h, application=app, on=on1, items_to_supplement="请补充所需信息的具体文件名称"
            )
            on2 = step(on1)
            handling.application_receive_supplement(user=h, application=app, on=on2)
            self.conclude(
                app, step(on2), self.rng.choice(["disclose", "partial", "unable.still_unclear"])
            )
            return
        if scenario == "no_supplement":
            on1 = step(None)
            handling.application_request_supplement(
                user=h, application=app, on=on1, items_to_supplement="请说明申请用途及所需信息范围"
            )
            end = self.cal.add_working_days(on1, 16)
            if end <= self.today:
                self.conclude(app, end, "other.no_supplement")
            return
        if scenario == "third_party":
            on1 = step(None)
            handling.application_start_consultation(
                user=h, application=app, on=on1, party="元谋县金沙建材有限公司"
            )
            on2 = step(on1)
            handling.application_end_consultation(
                user=h, application=app, on=on2, note="第三方不同意公开"
            )
            self.conclude(app, step(on2), "withhold.third_party")
            return
        if scenario == "extended":
            on1 = step(None)
            handling.application_extend(
                user=h,
                application=app,
                on=on1,
                days=10,
                approved_by=sup,
                reason="涉及信息量大，需调档查阅",
            )
            self.conclude(app, self.work_day_after(on1, 12), "disclose")
            return
        if scenario == "fee":
            on1 = step(None)
            try:
                fee_services.fee_notify(
                    user=h,
                    application=app,
                    on=on1,
                    method="per_page",
                    pages=self.rng.choice([45, 120, 260]),
                )
            except Exception:
                self.conclude(app, on1, "disclose")
                return
            on2 = step(on1)
            if self.rng.random() < 0.5:
                fee_services.fee_pay(user=h, application=app, on=on2)
            else:
                fee_services.fee_waive(
                    user=h, application=app, on=on2, approved_by=sup, reason="申请人经济困难"
                )
            self.conclude(app, step(on2), "disclose")
            return
        if scenario == "withdrawn":
            handling.application_withdraw(
                user=h, application=app, on=step(None), note="申请人来电撤回"
            )
            return
        if scenario in ("late", "late_this_year"):
            on = self.cal.add_working_days(app.deadline, 3)
            if on <= self.today:
                self.conclude(app, on, "disclose")
            return
        # a plain reply with the given outcome code
        self.conclude(app, step(None), scenario)

    def extra_case(self, app: Application, scenario: str, h: User, sup: User) -> bool:
        """The scenarios that show the rest of the handling branches (True if handled here)."""
        cal, today = self.cal, self.today
        received = app.received_on

        def wd(n: int, after: date | None = None) -> date:
            return min(cal.add_working_days(after or received, n), today)

        if scenario == "on_the_spot":
            handling.application_reply_on_the_spot(user=h, application=app, outcome="disclose")
        elif scenario == "still_unclear":
            handling.application_request_supplement(
                user=h, application=app, on=wd(2), items_to_supplement="请写明所需文件的名称和年度"
            )
            handling.application_receive_supplement(user=h, application=app, on=wd(5))
            self.conclude(app, wd(8), "unable.still_unclear")
        elif scenario == "agency_consultation":
            handling.application_start_consultation(
                user=h,
                application=app,
                on=wd(1),
                party="元谋县自然资源局",
                party_kind="agency",
                note="该信息由两机关共同制作",
            )
        elif (
            scenario == "overdue_consulting"
        ):  # a stop begun after the count ran out: still overdue
            handling.application_start_consultation(
                user=h, application=app, on=wd(25), party="相关权利人（第三方）"
            )
        elif scenario == "fee_per_item":
            fee_services.fee_notify(user=h, application=app, on=wd(2), method="per_item")
            fee_services.fee_pay(user=h, application=app, on=wd(4))
            self.conclude(app, wd(8), "disclose")
        elif scenario == "fee_lapsed":  # unpaid past the 20 working days, left for the nightly job
            fee_services.fee_notify(user=h, application=app, on=wd(1), method="per_page", pages=60)
        elif scenario == "fee_waived":
            fee_services.fee_notify(user=h, application=app, on=wd(2), method="per_page", pages=120)
            fee_services.fee_waive(
                user=h,
                application=app,
                on=wd(3),
                approved_by=sup,
                reason="申请人经济困难，负责人批准减免",
            )
            self.conclude(app, wd(6), "disclose")
        elif scenario == "awaiting_fee":
            fee_services.fee_notify(user=h, application=app, on=wd(1), method="per_page", pages=150)
        elif scenario == "fee_unpaid":
            notified = wd(2)
            fee_services.fee_notify(
                user=h, application=app, on=notified, method="per_page", pages=80
            )
            due = engine.fee_payment_due(notified, cal)
            if due < today:  # what the nightly conclude_lapsed_fees does
                handling.application_conclude(
                    user=h,
                    application=app,
                    on=due + timedelta(days=1),
                    outcome="other.fee_unpaid",
                    reason=f"申请人未在缴费期限（{due}）内缴纳费用，视为放弃申请",
                    basis=fee_services.FEE_UNPAID_BASIS[app.regime],
                )
        elif scenario == "cost_2008":
            fee_services.fee_notify(
                user=h,
                application=app,
                on=wd(2),
                method="cost",
                amount="35.00",
                cost_items="检索费、复制费",
            )
            fee_services.fee_waive(
                user=h,
                application=app,
                on=wd(4),
                approved_by=sup,
                reason="申请人系低保户，经济困难",
            )
            self.conclude(app, wd(7), "disclose")
        elif scenario == "art35":
            handling.application_set_deadline(
                user=h,
                application=app,
                on=wd(2),
                deadline=cal.add_working_days(today, 40),
                reason="申请人一个月内申请40件，申请理由合理，但无法在法定期限内答复",
            )
        elif scenario == "provisional":
            handling.application_extend(
                user=h, application=app, on=wd(1), days=20, approved_by=sup, reason="需调取档案"
            )
        elif scenario == "reassigned":
            handling.application_assign(user=sup, application=app, handler=sup)
            handling.application_assign(user=sup, application=app, handler=h)
        elif scenario == "late_notice":
            handling.application_request_supplement(
                user=h, application=app, on=wd(9), items_to_supplement="请写明申请信息的具体年份"
            )
        elif scenario == "supplement_lapsed":
            handling.application_request_supplement(
                user=h,
                application=app,
                on=wd(2),
                items_to_supplement="请说明所需信息的具体范围",
                period_days=10,
            )
        else:
            return False
        return True

    def remedies(self) -> None:
        """Every kind of remedy with every result, on concluded cases (decided ones on older cases)."""
        concluded = list(
            Application.objects.filter(status="concluded", concluded_on__isnull=False)
            .select_related("agency")
            .order_by("concluded_on", "id")
        )
        if not concluded:
            return
        old = [a for a in concluded if a.concluded_on + timedelta(days=60) <= self.today]
        for i, (kind, result) in enumerate(REMEDY_COMBINATIONS):
            pool = old if result != "pending" and old else concluded
            app = pool[(i * 7) % len(pool)]
            filed = min(app.concluded_on + timedelta(days=20), self.today)
            decided = min(filed + timedelta(days=35), self.today) if result != "pending" else None
            handler = self.staff(app.agency, "handler")
            remedy = remedies.remedy_record(
                user=handler, application=app, kind=kind, filed_on=filed
            )
            if decided is not None:
                remedies.remedy_update(
                    user=handler, remedy=remedy, result=result, decided_on=decided
                )

    def consultations(self, agency: Agency, start: date, count: int) -> None:
        front = self.staff(agency, "front")
        span = (self.today - start).days
        for _ in range(count):
            day = start + timedelta(days=self.rng.randrange(0, span + 1))
            at = timezone.make_aware(
                datetime.combine(day, time(self.rng.randint(8, 17), self.rng.randint(0, 59)))
            )
            if at > timeutil.now():
                at = timeutil.now() - timedelta(minutes=5)
            answered = self.rng.random() < 0.9
            registration.consultation_register(
                user=front,
                agency=agency,
                channel=self.rng.choice(["on_site", "on_site", "hotline", "online"]),
                topic=self.rng.choice(TOPICS),
                question="来访群众咨询" + self.rng.choice(TOPICS),
                received_at=at,
                name=self.rng.choice(SURNAMES) + "先生",
                answer="已当场解答并告知办理途径" if answered else "",
                answered_at=min(at + timedelta(minutes=self.rng.randint(3, 30)), timeutil.now())
                if answered
                else None,
            )


# where each scenario's application is received: "recent" ones relative to today (see received_for)
EXTRA_SCENARIOS = [
    "overdue",
    "newly_overdue",
    "due_soon",
    "due_today",
    "on_the_spot",
    "still_unclear",
    "agency_consultation",
    "overdue_consulting",
    "fee_per_item",
    "fee_waived",
    "awaiting_fee",
    "fee_unpaid",
    "art35",
    "provisional",
    "reassigned",
    "late_notice",
    "supplement_lapsed",
    "fee_lapsed",
    "late_this_year",
]
REMEDY_COMBINATIONS = [
    (kind, result)
    for kind in ("reconsideration", "lawsuit_direct", "lawsuit_after_reconsideration", "complaint")
    for result in ("upheld", "corrected", "other", "pending")
]

SCENARIOS = [
    "disclose",
    "disclose",
    "disclose",
    "partial",
    "open",
    "open",
    "supplement_pending",
    "consulting",
    "supplement_then_reply",
    "no_supplement",
    "third_party",
    "extended",
    "fee",
    "withdrawn",
    "late",
] + [
    code
    for code in outcomes.CODES
    if code not in ("other.no_supplement", "other.fee_unpaid", "unable.still_unclear")
]


@transaction.atomic
def load_demo(*, seed: int = 2026) -> dict[str, int]:
    agencies = create_offices_and_staff()
    builder = DemoBuilder(seed)
    today = builder.today
    start = today.replace(year=today.year - 2, month=1, day=1)
    made = 0
    for code in ("jiangyi", "yuanmou", "ym-zrzy"):
        agency = agencies[code]
        for i, scenario in enumerate(SCENARIOS + EXTRA_SCENARIOS):
            # spread over the two years; open cases recent so they are due soon or overdue
            recent = builder.received_for(scenario)
            if recent is not None:
                received = recent
            elif scenario in ("open", "supplement_pending", "consulting"):
                received = today - timedelta(days=builder.rng.randint(1, 40))
            else:
                received = start + timedelta(
                    days=int((today - start).days * 0.9 * i / len(SCENARIOS))
                    + builder.rng.randint(0, 20)
                )
            received = min(received, today)
            builder.one_case(agency, received, scenario)
            made += 1
        builder.consultations(agency, start, 30 if code == "jiangyi" else 12)
    # a 2008-regime case with the old cost fees, waived for hardship (the 2008 text's Art. 27–28)
    builder.one_case(agencies["jiangyi"], date(2018, 6, 5), "cost_2008")
    made += 1
    builder.remedies()
    return {
        "applications": Application.objects.count(),
        "consultations": Consultation.objects.count(),
        "scenarios": made,
    }
