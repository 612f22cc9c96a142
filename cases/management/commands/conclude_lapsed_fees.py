"""Nightly: cases whose fee was not paid within 20 working days of the notice are 视为放弃申请 and
concluded as other.fee_unpaid (law.md §5), in the name of their handler (or a supervisor)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from cases import timeutil
from cases.access import can
from cases.models import User
from cases.services.fees import conclude_lapsed_fees, lapsed_fee_cases


class Command(BaseCommand):
    help = "将缴费期限届满仍未缴费的申请以“逾期未缴费”办结（视为放弃申请）。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="按该日期（YYYY-MM-DD，不晚于今天）判断，默认今天")
        parser.add_argument(
            "--user",
            help="以该用户名义办结其可办理机关的申请（默认：各案承办人，无承办人时为负责人）",
        )
        parser.add_argument("--dry-run", action="store_true", help="只列出，不办结")

    def handle(self, *args, **options) -> None:
        today = timeutil.today()
        if options["date"]:
            try:
                day = date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("日期格式应为 YYYY-MM-DD。") from None
            if not timeutil.EARLIEST_YEAR <= day.year <= timeutil.LATEST_YEAR:
                raise CommandError(timeutil.DATE_RANGE_MESSAGE)
            if day > today:
                # a payment period runs out on a day that has passed; a case is concluded no later
                # than today, so a later day would list and leave cases still within their period
                raise CommandError(
                    f"日期不能晚于今天（{today}）：缴费期限是否届满只能按已过去的日子判断。"
                )
            today = day
        user = None
        if options["user"]:
            user = User.objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(f"找不到用户 {options['user']}。")
            if not can(user, "handle"):
                role = user.get_role_display() or "未设角色"
                raise CommandError(
                    f"用户 {user.username}（{role}）无权办结申请，请指定承办人、负责人或管理员。"
                )
        if options["dry_run"]:
            for app in lapsed_fee_cases(today=today, user=user):
                self.stdout.write(f"{app.number}：缴费期限 {app.fee.pay_due_on}")
            return
        done = conclude_lapsed_fees(user=user, today=today)
        for app in done:
            self.stdout.write(f"已办结 {app.number}（逾期未缴费，{app.concluded_on}）")
        left = lapsed_fee_cases(today=today, user=user).count()
        outside = lapsed_fee_cases(today=today).count() - left if user is not None else 0
        self.stdout.write(
            f"共办结 {len(done)} 件。"
            + (f"另有 {left} 件未能自动办结，请人工处理。" if left else "")
            + (f"另有 {outside} 件不在 {user.username} 可办理的机关，未办结。" if outside else "")
        )
