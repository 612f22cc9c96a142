"""One application of the API benchmark's data set (bench/api_data.py), taken as far as its age
allows: received at a random office on a random day from one of that office's applicants, registered,
then concluded (most of them, some after a consultation or an extension) or left open (some waiting
for a supplement, a third party or a fee); its status and deadline are those the deadline engine
computes, stored as the product stores them."""

from datetime import date, datetime, timedelta
from datetime import time as dtime

from bench.common import SHANGHAI

CHANNELS = [("in_person", 30), ("letter", 20), ("email", 10), ("fax", 2), ("online", 38)]
SUBJECTS = [
    "财政预决算及“三公”经费",
    "土地征收补偿安置方案",
    "低保、特困人员救助名单",
    "农村危房改造补助对象",
    "采矿许可证及年检情况",
    "建设项目招投标文件",
    "退耕还林补助资金发放明细",
    "村委会选举结果公告",
    "公路改扩建项目环评文件",
    "集体土地承包经营权确权文件",
    "学校布局调整方案",
    "医保基金使用情况",
]
OUTCOME_WEIGHTS = {
    "disclose": 40,
    "partial": 15,
    "unable.not_held": 10,
    "decline.duplicate": 3,
    "other.other": 5,
}


def application_builder(*, rng, offices, users, n_applicants, first, span, today, cal):
    """`(application, counters)`: `application(i, events, fees)` returns the row of application i and
    appends the rows of its events and fees (numbered on from `counters`, {"event": n, "fee": n})."""
    from cases.clock import engine

    channels, channel_weights = zip(*CHANNELS, strict=True)
    outcomes_, outcome_weights = zip(*OUTCOME_WEIGHTS.items(), strict=True)
    seqs: dict[tuple[int, int], int] = {}
    counters = {"event": 0, "fee": 0}
    # applicant i is of office (i - 1) mod len(offices) (bench/api_data.py): office k's are
    # k + 1, k + 1 + len(offices), …
    per_office = [len(range(k, n_applicants, len(offices))) for k in range(len(offices))]

    def application(i: int, events: list[dict], fees: list[dict]) -> dict:
        """One application received at a random office on a random day, taken as far as its age allows."""
        office = rng.randrange(len(offices))
        agency = offices[office]
        handler = users[f"{agency.code}-handler"]
        supervisor = users[f"{agency.code}-supervisor"]
        received = first + timedelta(days=rng.randrange(span + 1))
        age = (today - received).days
        steps: list[tuple[str, date, dict]] = [("registered", received, {})]
        day = received
        if rng.random() < (0.985 if age > 60 else 0.5):
            if rng.random() < 0.05:
                steps.append(("consultation_started", day + timedelta(days=5), {"party": "第三方"}))
                steps.append(("consultation_ended", day + timedelta(days=15), {}))
                day += timedelta(days=15)
            if rng.random() < 0.10:
                steps.append(
                    (
                        "extended",
                        day + timedelta(days=20),
                        {"days": 10, "approved_by_id": supervisor.pk},
                    )
                )
                day += timedelta(days=20)
            day += timedelta(days=1 + int(rng.expovariate(1 / 15)))
            steps.append(("concluded", day, {}))
        else:
            r = rng.random()
            if r < 0.08:
                steps.append(
                    (
                        "supplement_requested",
                        day + timedelta(days=3),
                        {"note": "请补充说明所需信息的年度"},
                    )
                )
            elif r < 0.16:
                steps.append(("consultation_started", day + timedelta(days=5), {"party": "第三方"}))
            elif r < 0.20 and received.year >= 2021:
                steps.append(("fee_notified", day + timedelta(days=5), {}))
        steps = [step for step in steps if step[1] <= today]
        result = engine.compute(
            received,
            [
                engine.ClockEvent(kind=k, on=on, days=extra.get("days"))
                for k, on, extra in steps[1:]
            ],
            cal,
            today,
        )
        key = (agency.pk, received.year)
        seqs[key] = seq = seqs.get(key, 0) + 1
        concluded_on = next((on for k, on, _ in steps if k == "concluded"), None)
        for kind, on, extra in steps:
            counters["event"] += 1
            events.append(
                {
                    "id": counters["event"],
                    "application_id": i,
                    "kind": kind,
                    "on": on,
                    "days": extra.get("days"),
                    "deadline": None,
                    "party": extra.get("party", ""),
                    "note": extra.get("note", ""),
                    "approved_by_id": extra.get("approved_by_id"),
                    "data": "{}",
                    "created_by_id": handler.pk,
                    "created_at": datetime.combine(on, dtime(10), SHANGHAI),
                }
            )
            if kind == "fee_notified":
                counters["fee"] += 1
                fees.append(
                    {
                        "id": counters["fee"],
                        "application_id": i,
                        "method": "per_page",
                        "pages": 50,
                        "amount": "200.00",
                        "cost_items": "",
                        "basis": "国办函〔2020〕109号",
                        "standard": "按量计收",
                        "breakdown": "",
                        "notified_on": on,
                        "pay_due_on": engine.fee_payment_due(on, cal),
                        "waive_reason": "",
                    }
                )
        return {
            "id": i,
            "agency_id": agency.pk,
            "year": received.year,
            "seq": seq,
            "number": f"{agency.name}〔{received.year}〕第{seq:04d}号",
            "channel": rng.choices(channels, channel_weights)[0],
            "received_on": received,
            "submitted_on": None,
            "applicant_id": 1 + office + len(offices) * rng.randrange(per_office[office]),
            "content": f"{received.year - 1}年度{rng.choice(SUBJECTS)}",
            "delivery": "",
            "items": 1,
            "handler_id": handler.pk if rng.random() < 0.7 else None,
            "status": result.status,
            "regime": result.regime,
            "deadline": result.deadline,
            "deadline_provisional": result.provisional,
            "extension_days": result.extension_days,
            "supplement_notice_due": result.supplement_notice_due,
            "stopped_days_left": result.working_days_left
            if result.status in (engine.CONSULTING, engine.AWAITING_FEE)
            else None,
            "outcome": rng.choices(outcomes_, outcome_weights)[0] if concluded_on else "",
            "concluded_on": concluded_on,
            "outcome_reason": "",
            "outcome_basis": "",
            "referred_to": "",
            "created_by_id": handler.pk,
            "created_at": datetime.combine(received, dtime(10), SHANGHAI),
            "version": len(steps),
            "void_reason": "",
        }

    return application, counters
