from django.core.management.base import BaseCommand

from cases.demo import DEMO_PASSWORD, OFFICES, ROLES, load_demo
from cases.models import Application


class Command(BaseCommand):
    help = "载入演示数据：一个县政府及其下属乡、局，每个机关每种角色一名用户，近两年的申请和咨询。"

    def handle(self, *args, **options) -> None:
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
