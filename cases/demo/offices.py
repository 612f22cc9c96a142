"""The demo's offices (a county government, a township under it, a bureau) and one account of every
role in each, all with the demo password."""

from cases.demo.data import DEMO_PASSWORD, OFFICES, ROLES
from cases.models import Agency, User


def create_offices_and_staff() -> dict[str, Agency]:
    agencies: dict[str, Agency] = {}
    for code, name, short, parent in OFFICES:
        agency, _ = Agency.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "parent": agencies.get(parent) if parent else None,
            },
        )
        agencies[code] = agency
        for suffix, role, label in ROLES:
            user, created = User.objects.get_or_create(
                username=f"{code}-{suffix}",
                defaults={
                    "agency": agency,
                    "role": role,
                    "full_name": f"{name[:4]}{label}",
                    "email": f"{code}-{suffix}@example.gov.cn",
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = role == User.Role.ADMIN
                if user.is_staff:
                    user.is_superuser = code == "yuanmou"
                user.save()
    return agencies
