"""The demo builder: one case put through a scenario (the main scenarios here, the other branches in
branches.py), then remedies on concluded cases and walk-in consultations."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from cases import timeutil
from cases.demo.branches import BranchScenarios
from cases.demo.data import REMEDY_COMBINATIONS, SURNAMES, TOPICS
from cases.models import Agency, Application
from cases.services import fees as fee_services
from cases.services import handling, registration, remedies


class DemoBuilder(BranchScenarios):
    """Enters the demo's cases, remedies and consultations through the services."""

    def one_case(self, agency: Agency, received_on: date, scenario: str) -> None:
        # 12 件 in one application: the 11th and 12th of the month are charged (按件计收)
        app = self.register(
            agency,
            received_on,
            items=12 if scenario == "fee_per_item" else None,
            person=scenario == "cost_2008",  # waived for a citizen's hardship (2008 Art. 28)
        )
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
