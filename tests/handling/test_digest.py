"""The daily digest: each handler and supervisor gets one e-mail (Django's e-mail backend) with what
became overdue since the last working day and what falls due soon; nothing to say, no e-mail."""

from datetime import date, datetime

import pytest
from django.core import mail
from django.core.management import call_command

from cases.clocksync import get_calendar
from cases.selectors_board import digest, previous_working_day
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.fixture
def emails(people):
    for (code, role), user in people.items():
        user.email = f"{code}-{role}@example.gov.cn"
        user.save()
    return people


def by_user(entries):
    return {e.user.username: e for e in entries}


def test_previous_working_day():
    assert previous_working_day(date(2026, 11, 24)) == date(2026, 11, 23)
    assert previous_working_day(date(2026, 11, 23)) == date(2026, 11, 20)  # Monday → Friday
    assert previous_working_day(date(2026, 10, 8)) == date(2026, 9, 30)  # after National Day


def test_what_each_person_is_told(world, emails):
    entries = by_user(digest())
    h = entries["jiangyi-handler"]
    assert [a.pk for a in h.newly_overdue] == [world["newly_overdue"].pk]
    assert [a.pk for a in h.due_soon] == [world["due_today"].pk, world["due_soon"].pk]
    assert h.still_overdue == 2  # 09-29 and the stopped one
    sup = entries["jiangyi-supervisor"]
    assert [a.pk for a in sup.newly_overdue] == [world["newly_overdue"].pk]
    assert sup.still_overdue == 2
    county = entries["county-supervisor"]
    assert county.still_overdue == 3  # the county's own overdue case too
    assert entries["county-handler"].still_overdue == 1
    assert "jiangyi-front_desk" not in entries


def test_the_command_sends_one_email_each(world, emails):
    call_command("daily_digest")
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == sorted(
        f"{code}-{role}@example.gov.cn"
        for code in ("county", "jiangyi")
        for role in ("handler", "supervisor", "admin")
    )
    message = next(m for m in mail.outbox if m.to == ["jiangyi-handler@example.gov.cn"])
    assert message.subject == "【公开台账】2026-11-24 督办提醒：新超期1件，即将到期2件"
    body = message.body
    assert world["newly_overdue"].number in body and world["due_soon"].number in body
    assert "另有 2 件此前已超期" in body and "/workbench/" in body
    assert "督办看板" not in body
    sup = next(m for m in mail.outbox if m.to == ["jiangyi-supervisor@example.gov.cn"])
    assert "姜驿乡人民政府及下级机关" in sup.body and "/board/" in sup.body


def test_nothing_to_say_no_email(register, emails, frozen_today):
    register(received_on=date(2026, 11, 20))  # due in December
    call_command("daily_digest")
    assert mail.outbox == []
    call_command("daily_digest", "--all")
    assert len(mail.outbox) == 6
    assert "今日没有需要提醒的申请" in mail.outbox[0].body


def test_users_without_email_are_skipped(world, people, capsys):
    call_command("daily_digest")
    assert mail.outbox == []
    assert "没有电子邮箱" in capsys.readouterr().out


def test_dry_run_and_a_chosen_date(world, emails, capsys):
    call_command("daily_digest", "--dry-run")
    assert mail.outbox == [] and "将发送给" in capsys.readouterr().out
    call_command("daily_digest", "--date", "2026-11-23")  # 11-23 was not yet overdue then
    message = next(m for m in mail.outbox if m.to == ["jiangyi-handler@example.gov.cn"])
    assert "新超期0件" in message.subject


def test_bad_date_is_a_clear_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("daily_digest", "--date", "yesterday")


# --- working days: scheduled every day, the command sends only on the calendar's working days ---

EVERYONE = 6  # handler, supervisor and admin of the county and of the township


def test_the_seeded_calendar_has_the_days_used_below(db):
    cal = get_calendar()
    assert date(2026, 10, 10).weekday() == 5 and cal.is_working_day(date(2026, 10, 10))  # 调休上班
    assert date(2026, 10, 1).weekday() == 3 and not cal.is_working_day(date(2026, 10, 1))  # 国庆节
    assert cal.holiday_name(date(2026, 10, 10)) == "国庆节调休上班"


def test_a_make_up_saturday_sends(emails, frozen_today, capsys):
    frozen_today.move_to(datetime(2026, 10, 10, 7, 30, tzinfo=SHANGHAI))  # Saturday, 调休上班
    call_command("daily_digest", "--all")
    assert len(mail.outbox) == EVERYONE
    assert all(m.subject.startswith("【公开台账】2026-10-10 督办提醒") for m in mail.outbox)
    assert "不是工作日" not in capsys.readouterr().out


@pytest.mark.parametrize(
    "day",
    [
        "2026-10-01",  # Thursday, 国庆节
        "2026-09-25",  # Friday, 中秋节
        "2026-11-28",  # an ordinary Saturday
    ],
)
def test_a_day_off_sends_nothing(emails, day, capsys):
    call_command("daily_digest", "--date", day, "--all")
    assert mail.outbox == []
    assert capsys.readouterr().out == f"{day} 不是工作日，不发送督办提醒。\n"


def test_a_holiday_today_sends_nothing(emails, frozen_today, capsys):
    frozen_today.move_to(datetime(2026, 10, 1, 7, 30, tzinfo=SHANGHAI))
    call_command("daily_digest", "--all")
    call_command("daily_digest", "--all", "--dry-run")
    assert mail.outbox == []
    out = capsys.readouterr().out
    assert out.count("2026-10-01 不是工作日，不发送督办提醒。") == 2
    assert "将发送给" not in out


def test_force_sends_on_a_holiday(emails, capsys):
    call_command("daily_digest", "--date", "2026-10-01", "--all", "--force")
    assert len(mail.outbox) == EVERYONE
    out = capsys.readouterr().out
    assert "不是工作日" not in out and f"已发送督办提醒邮件 {EVERYONE} 封。" in out


def test_an_ordinary_weekday_sends_as_before(world, emails, capsys):
    call_command("daily_digest", "--date", "2026-11-23")  # Monday
    assert len(mail.outbox) == EVERYONE
    assert "不是工作日" not in capsys.readouterr().out


def test_a_year_not_in_the_calendar_is_flagged(emails, capsys):
    call_command("daily_digest", "--date", "2099-01-03", "--all")  # a Saturday
    assert mail.outbox == []
    captured = capsys.readouterr()
    assert "没有 2099 年的节假日安排" in captured.err
    assert "2099-01-03 不是工作日" in captured.out
