"""The floor of the annual report benchmark (bench/report.py): the report's counts by four
hand-written SQL GROUP BY statements — the applications (section 三 and the channels), the
consultations, the remedies and the fees of the given offices in the given year."""

from datetime import date, datetime

from bench.common import SHANGHAI


def floor_queries(agency_ids: list[int], year: int) -> list[tuple[str, str, list]]:
    from django.db import connection

    from cases import outcomes
    from cases.models import Applicant, Application, Consultation, Fee, Remedy

    ops = connection.ops
    d = ops.adapt_datefield_value
    first, last = d(date(year, 1, 1)), d(date(year, 12, 31))
    start = ops.adapt_datetimefield_value(datetime(year, 1, 1, tzinfo=SHANGHAI))
    end = ops.adapt_datetimefield_value(datetime(year + 1, 1, 1, tzinfo=SHANGHAI))
    ids = ", ".join(str(i) for i in agency_ids)
    # the best hand-written plan: on SQLite a plain scan of the big tables (see compute.Column)
    sqlite = connection.vendor == "sqlite"
    scan = " NOT INDEXED" if sqlite else ""
    office = (
        "+a.agency_id" if sqlite else "a.agency_id"
    )  # remedies and fees: their date index drives
    in_year = "a.concluded_on >= %s AND a.concluded_on <= %s"
    outcome_counts = ",\n".join(
        f"  COUNT(*) FILTER (WHERE {in_year} AND a.outcome = %s)" for _ in outcomes.CODES
    )
    apps = f"""
SELECT p.type, a.channel,
  COUNT(*) FILTER (WHERE a.received_on >= %s),
  COUNT(*) FILTER (WHERE a.received_on < %s),
  COUNT(*) FILTER (WHERE {in_year}),
  COUNT(*) FILTER (WHERE a.concluded_on IS NULL OR a.concluded_on > %s),
{outcome_counts}
FROM {Application._meta.db_table} a{scan} JOIN {Applicant._meta.db_table} p ON p.id = a.applicant_id
WHERE a.voided_at IS NULL AND a.agency_id IN ({ids}) AND a.received_on <= %s
  AND (a.received_on >= %s OR a.concluded_on IS NULL OR a.concluded_on >= %s)
GROUP BY p.type, a.channel"""
    app_params = [first, first, first, last, last]
    for code in outcomes.CODES:
        app_params += [first, last, code]
    app_params += [last, first, first]
    consult = f"""
SELECT c.channel,
  COUNT(*) FILTER (WHERE c.received_at >= %s AND c.received_at < %s),
  COUNT(*) FILTER (WHERE c.received_at >= %s AND c.received_at < %s AND c.answered_at < %s),
  COUNT(*) FILTER (WHERE c.answered_at >= %s AND c.answered_at < %s)
FROM {Consultation._meta.db_table} c{scan}
WHERE c.voided_at IS NULL AND c.agency_id IN ({ids})
  AND ((c.received_at >= %s AND c.received_at < %s) OR (c.answered_at >= %s AND c.answered_at < %s))
GROUP BY c.channel"""
    consult_params = [start, end, start, end, end, start, end, start, end, start, end]
    remedy = f"""
SELECT r.kind,
  COUNT(*) FILTER (WHERE r.decided_on <= %s AND r.result = 'upheld'),
  COUNT(*) FILTER (WHERE r.decided_on <= %s AND r.result = 'corrected'),
  COUNT(*) FILTER (WHERE r.decided_on <= %s AND r.result = 'other'),
  COUNT(*) FILTER (WHERE r.result = 'pending' OR r.decided_on IS NULL OR r.decided_on > %s),
  COUNT(*)
FROM {Remedy._meta.db_table} r JOIN {Application._meta.db_table} a ON a.id = r.application_id
WHERE a.voided_at IS NULL AND {office} IN ({ids}) AND r.filed_on >= %s AND r.filed_on <= %s
GROUP BY r.kind"""
    fee = f"""
SELECT COUNT(*) FILTER (WHERE f.paid_on >= %s AND f.paid_on <= %s),
  SUM(f.amount) FILTER (WHERE f.paid_on >= %s AND f.paid_on <= %s),
  COUNT(*) FILTER (WHERE f.waived_on >= %s AND f.waived_on <= %s),
  SUM(f.amount) FILTER (WHERE f.waived_on >= %s AND f.waived_on <= %s)
FROM {Fee._meta.db_table} f JOIN {Application._meta.db_table} a ON a.id = f.application_id
WHERE a.voided_at IS NULL AND {office} IN ({ids})
  AND ((f.paid_on >= %s AND f.paid_on <= %s) OR (f.waived_on >= %s AND f.waived_on <= %s))"""
    return [
        ("applications (section 三 + channels)", apps, app_params),
        ("consultations", consult, consult_params),
        ("remedies", remedy, [last, last, last, last, first, last]),
        ("fees", fee, [first, last] * 6),
    ]


def run_sql(sql: str, params: list) -> list:
    from django.db import connection

    with connection.cursor() as c:
        c.execute(sql, params)
        return c.fetchall()
