"""The demo builder's groundwork: the random applicants, registering a case, the receipt dates that
put a scenario where the demo needs it, and concluding a case through the services."""

import random
from datetime import date, timedelta

from cases import outcomes, timeutil
from cases.clocksync import get_calendar
from cases.demo.data import CONTENTS, GIVEN, ORGS, SURNAMES
from cases.models import Agency, Application, User
from cases.services import handling, registration

# what a demo case concluded as “其他处理” says was done
OTHER_ACCOUNT = "您申请获取的材料，已在您办理相关业务时由窗口工作人员当面提供"


def _id_number(rng: random.Random) -> str:
    from cases.identity import id_check_char

    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 20000))
    first17 = f"532328{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return first17 + id_check_char(first17)


def _credit_code(rng: random.Random) -> str:
    from cases.identity import CREDIT_CHARSET, credit_check_char

    body = "9153" + "2328" + "".join(rng.choice(CREDIT_CHARSET[:10]) for _ in range(9))
    return body + credit_check_char(body)


class DemoBase:
    """Random choices, staff lookups and dates shared by every scenario (seeded: repeatable)."""

    def __init__(self, seed: int = 2026) -> None:
        self.rng = random.Random(seed)
        self.today = timeutil.today()
        self.cal = get_calendar()

    def staff(self, agency: Agency, suffix: str) -> User:
        return User.objects.get(username=f"{agency.code}-{suffix}")

    def applicant(self, *, person: bool = False) -> registration.ApplicantData:
        """A citizen three times in four (always, with `person`), else an organisation."""
        rng = self.rng
        if person or rng.random() < 0.75:
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
        self, agency: Agency, received_on: date, *, items: int | None = None, person: bool = False
    ) -> Application:
        content = self.rng.choice(CONTENTS).format(year=received_on.year - 1)
        return registration.application_register(
            user=self.staff(agency, "front"),
            agency=agency,
            channel=self.rng.choice(Application.Channel.values),
            received_on=received_on,
            applicant=self.applicant(person=person),
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
            reason=(
                "经审查，" + outcomes.BY_CODE[outcome].label
                if needs
                else OTHER_ACCOUNT
                if outcome in outcomes.NEEDS_ACCOUNT
                else ""
            ),
            basis="《中华人民共和国政府信息公开条例》第三十六条" if needs else "",
            referred_to="元谋县自然资源局，电话0878-8212345"
            if outcome == "unable.not_held"
            else "",
        )
