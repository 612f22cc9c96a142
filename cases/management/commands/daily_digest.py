"""The daily digest e-mail: to each handler, supervisor and admin, what became overdue since the last
working day, what falls due soon, and how many cases are still overdue (Django's e-mail backend).

It is scheduled every day; the command itself sends only on working days of the calendar (so on a
调休上班 Saturday too, never on a holiday weekday), unless --force."""

import os
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.urls import reverse

from cases import timeutil
from cases.clocksync import get_calendar
from cases.selectors_board import digest


class Command(BaseCommand):
    help = (
        "发送每日督办提醒邮件：向每位承办人、负责人发送新超期和即将到期的申请。"
        "每天运行即可：非工作日（按工作日历）不发送，除非 --force。"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="按该日期（YYYY-MM-DD）计算，默认今天")
        parser.add_argument("--dry-run", action="store_true", help="只显示将发送的邮件，不发送")
        parser.add_argument("--all", action="store_true", help="没有需要提醒的事项也发送")
        parser.add_argument(
            "--force", action="store_true", help="非工作日（周末、法定节假日）也发送"
        )

    def handle(self, *args, **options) -> None:
        today = self._date(options["date"])
        calendar = get_calendar()
        if not calendar.is_covered(today):
            self.stderr.write(
                f"注意：工作日历中没有 {today.year} 年的节假日安排，按周一至周五判断工作日。"
            )
        if not options["force"] and not calendar.is_working_day(today):
            self.stdout.write(f"{today:%Y-%m-%d} 不是工作日，不发送督办提醒。")
            return
        base = os.environ.get("GONGKAI_SITE_URL", "").rstrip("/")
        if not base:
            self.stderr.write(
                "注意：未设置 GONGKAI_SITE_URL（本系统的网址，如 https://gongkai.example.gov.cn），"
                "邮件中的链接只有页面路径，在邮件客户端中无法直接打开。"
            )
        outgoing = []
        for entry in digest(today=today):
            if entry.empty and not options["all"]:
                continue
            user = entry.user
            if not user.email:
                self.stdout.write(f"{user.username}：没有电子邮箱，跳过。")
                continue
            subject = (
                f"【公开台账】{today:%Y-%m-%d} 督办提醒：新超期{len(entry.newly_overdue)}件，"
                f"即将到期{len(entry.due_soon)}件"
            )
            body = render_to_string(
                "cases/handling/digest_email.txt",
                {
                    "entry": entry,
                    "today": today,
                    "base": base,
                    "workbench": base + reverse("workbench"),
                    "board": base + reverse("board") if user.role != "handler" else "",
                    "detail_prefix": base,
                },
            )
            outgoing.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
        if options["dry_run"]:
            for message in outgoing:
                self.stdout.write(f"将发送给 {message.to[0]}：{message.subject}")
            return
        sent = get_connection().send_messages(outgoing) if outgoing else 0
        self.stdout.write(f"已发送督办提醒邮件 {sent or 0} 封。")

    @staticmethod
    def _date(value: str | None) -> date:
        if not value:
            return timeutil.today()
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise CommandError("日期格式应为 YYYY-MM-DD。") from None
        if not timeutil.EARLIEST_YEAR <= day.year <= timeutil.LATEST_YEAR:
            raise CommandError(timeutil.DATE_RANGE_MESSAGE)
        return day
