from django.apps import AppConfig


class CasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cases"
    verbose_name = "公开台账"

    def ready(self) -> None:
        from cases import auth_log, sessions, signals  # noqa: F401
