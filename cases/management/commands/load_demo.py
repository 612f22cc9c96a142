from django.core.management.base import BaseCommand, CommandError

from cases.demo import DEMO_PASSWORD, OFFICES, ROLES, load_demo
from cases.models import Agency, Application, User


def foreign_data() -> list[str]:
    """Offices and staff that are not the demo's: a real office's database (the demo's accounts,
    a superuser among them, all have the published password)."""
    codes = [code for code, _name, _short, _parent in OFFICES]
    usernames = [f"{code}-{suffix}" for code in codes for suffix, _role, _label in ROLES]
    offices = Agency.objects.exclude(code__in=codes).values_list("name", flat=True)
    staff = User.objects.exclude(username__in=usernames).values_list("username", flat=True)
    return [f"机关 {name}" for name in offices[:5]] + [f"用户 {name}" for name in staff[:5]]


class Command(BaseCommand):
    help = (
        "载入演示数据：一个县政府及其下属乡、局，每个机关每种角色一名用户，近两年的申请和咨询。"
        "只用于空数据库（演示、开发），不用于生产数据库。"
    )

    def handle(self, *args, **options) -> None:
        foreign = foreign_data()
        if foreign:
            raise CommandError(
                "数据库中已有非演示数据（" + "、".join(foreign) + "），拒绝载入演示数据："
                f"演示账号（含超级用户）的密码 {DEMO_PASSWORD} 是公开的。"
                "演示数据只能载入新建的空数据库。"
            )
        if Application.objects.exists():
            self.stdout.write("演示数据已存在，跳过。")
        else:
            counts = load_demo()
            self.stdout.write(
                f"已载入演示数据：申请 {counts['applications']} 件，咨询 {counts['consultations']} 条。"
            )
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for code, name, _short, _parent in OFFICES:
            users = "、".join(f"{code}-{suffix}（{role.label}）" for suffix, role, _ in ROLES)
            self.stdout.write(f"  {name}：{users}")
