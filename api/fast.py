"""The list's representation of applications, built in one pass per row.

`represent_applications(rows, mask=...)` returns exactly what
`ApplicationSerializer(rows, many=True, context={"mask": mask}).data` returns (same keys in the same
order, same values: dates as YYYY-MM-DD, datetimes in ISO 8601 with the current time zone's offset,
the fee's amount with 2 decimal places, the applicant masked alike); tests/api/test_fast_representation.py
holds the two side by side. ApplicationSerializer stays the declared shape (OpenAPI schema) and
serves the detail and the actions; this module only serves the list, where 50 to 500 rows are built
per request.

Rows are those of api.views.with_events_and_clocks: the values of APPLICATION_FIELDS plus "events"
(values of EVENT_FIELDS, oldest first) and "clock" (an engine.ClockResult).
"""

from decimal import Decimal

from django.utils import timezone

from cases.identity import mask_credit_code, mask_id_number, mask_phone

CENT = Decimal("0.01")


def represent_applications(rows: list[dict], *, mask: bool) -> list[dict]:
    tz = timezone.get_current_timezone()
    return [_application(row, mask, tz) for row in rows]


def _application(row: dict, mask: bool, tz) -> dict:
    clock = row["clock"]
    submitted_on = row["submitted_on"]
    deadline = row["deadline"]
    notice_due = row["supplement_notice_due"]
    concluded_on = row["concluded_on"]
    created_at = row["created_at"]
    return {
        "id": row["id"],
        "number": row["number"],
        "agency": row["agency__code"],
        "channel": row["channel"],
        "received_on": row["received_on"].isoformat(),
        "submitted_on": submitted_on.isoformat() if submitted_on is not None else None,
        "applicant": _applicant(row, mask),
        "content": row["content"],
        "items": row["items"],
        "delivery": row["delivery"],
        "handler": row["handler__username"],
        "status": row["status"],
        "regime": row["regime"],
        "deadline": deadline.isoformat() if deadline is not None else None,
        "deadline_provisional": row["deadline_provisional"],
        "working_days_left": clock.working_days_left,
        "overdue": clock.overdue,
        "due_soon": clock.due_soon,
        "extension_days": row["extension_days"],
        "supplement_notice_due": notice_due.isoformat() if notice_due is not None else None,
        "outcome": row["outcome"] or None,
        "outcome_reason": row["outcome_reason"],
        "outcome_basis": row["outcome_basis"],
        "referred_to": row["referred_to"],
        "concluded_on": concluded_on.isoformat() if concluded_on is not None else None,
        "concluded_late": clock.concluded_late,
        "fee": _fee(row) if row["fee__id"] is not None else None,
        "events": [_event(e, tz) for e in row["events"]],
        "deadline_trace": list(clock.trace),
        "version": row["version"],
        "created_at": created_at.astimezone(tz).isoformat() if created_at is not None else None,
    }


def _applicant(row: dict, mask: bool) -> dict:
    id_number = row["applicant__id_number"]
    credit_code = row["applicant__credit_code"]
    phone = row["applicant__phone"]
    if mask:
        return {
            "type": row["applicant__type"],
            "name": row["applicant__name"],
            "id_number": mask_id_number(id_number) if id_number else "",
            "credit_code": mask_credit_code(credit_code) if credit_code else "",
            "phone": mask_phone(phone) if phone else "",
            "email": row["applicant__email"],
            "address": "",
        }
    return {
        "type": row["applicant__type"],
        "name": row["applicant__name"],
        "id_number": id_number,
        "credit_code": credit_code,
        "phone": phone,
        "email": row["applicant__email"],
        "address": row["applicant__address"],
    }


def _event(e: dict, tz) -> dict:
    deadline = e["deadline"]
    created_at = e["created_at"]
    return {
        "id": e["id"],
        "kind": e["kind"],
        "on": e["on"].isoformat(),
        "days": e["days"],
        "deadline": deadline.isoformat() if deadline is not None else None,
        "party": e["party"],
        "note": e["note"],
        "approved_by": e["approved_by__username"],
        "created_by": e["created_by__username"],
        "created_at": created_at.astimezone(tz).isoformat() if created_at is not None else None,
    }


def _date(value) -> str | None:
    return value.isoformat() if value is not None else None


def _fee(row: dict) -> dict:
    paid_on = row["fee__paid_on"]
    waived_on = row["fee__waived_on"]
    return {
        "method": row["fee__method"],
        # Fee.state
        "state": "paid" if paid_on else "waived" if waived_on else "notified",
        "amount": str(Decimal(row["fee__amount"]).quantize(CENT)),
        "items": row["fee__items"],
        "prior_items": row["fee__prior_items"],
        "pages": row["fee__pages"],
        "cost_items": row["fee__cost_items"],
        "basis": row["fee__basis"],
        "standard": row["fee__standard"],
        "breakdown": row["fee__breakdown"],
        "notified_on": _date(row["fee__notified_on"]),
        "pay_due_on": _date(row["fee__pay_due_on"]),
        "paid_on": _date(paid_on),
        "waived_on": _date(waived_on),
        "waived_by": row["fee__waived_by__username"],
        "waive_reason": row["fee__waive_reason"],
    }
