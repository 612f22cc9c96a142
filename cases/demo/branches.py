"""The demo's scenarios for the rest of the handling branches: on-the-spot replies, consultations
with another agency, every kind of fee, Art. 35 deadlines, provisional deadlines, reassignment, late
and lapsed supplement notices."""

from datetime import date, timedelta

from cases.clock import engine
from cases.demo.base import DemoBase
from cases.models import Application, User
from cases.services import fees as fee_services
from cases.services import handling


class BranchScenarios(DemoBase):
    """The handling branches the main scenarios (builder.py) do not reach."""

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
