"""The daily digest: each handler and supervisor gets one e-mail (Django's e-mail backend) with what
became overdue since the last working day and what falls due soon; nothing to say, no e-mail."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from cases.selectors_board import digest, previous_working_day

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
