from django.contrib.auth.hashers import check_password
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token

from cases.clocksync import invalidate_calendar
from cases.models import CalendarDay, CalendarYear, User


@receiver([post_save, post_delete], sender=CalendarDay)
@receiver([post_save, post_delete], sender=CalendarYear)
def calendar_changed(**kwargs) -> None:
    invalidate_calendar()


@receiver(pre_save, sender=User, dispatch_uid="gongkai.password_changed_revokes_tokens")
def password_changed_revokes_tokens(
    sender, instance: User, raw: bool = False, update_fields=None, **kwargs
) -> None:
    """A new password ends the user's API tokens, as it ends their sessions (Django's session hash):
    a token taken with the old password — on a lost laptop, by whoever guessed it — stops working
    when the password is reset. The same password hashed again (a hasher upgrade at login) keeps it."""
    if (
        raw
        or instance.pk is None
        or (update_fields is not None and "password" not in update_fields)
    ):
        return
    old = User.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if old is None or old == instance.password:
        return
    new = getattr(instance, "_password", None)  # the raw password set_password was given
    if new is not None and check_password(new, old):
        return
    Token.objects.filter(user_id=instance.pk).delete()
