"""After an upgrade whose release notes say the deadline rules changed: every open case's stored clock
(deadline, status, days left, the fee's payment due date) counted again by the code now installed, as a
calendar change does. A case whose dates move gets a history record with the reason."""

from django.core.management.base import BaseCommand, CommandError

from cases.clocksync import recompute_open_applications


class Command(BaseCommand):
    help = "按现行规则重新计算所有未办结申请的期限（升级后执行；日期有变化的申请记入修改记录）。"

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--reason", default="系统升级：按新版期限规则重新计算", help="记入修改记录的原因"
        )

    def handle(self, *args, **options) -> None:
        reason = options["reason"].strip()
        if not reason:
            raise CommandError("--reason 不能为空：它记入每件期限有变化的申请的修改记录。")
        moved = recompute_open_applications(reason=reason)
        self.stdout.write(f"已重新计算未办结申请的期限，其中 {moved} 件的日期有变化。")
