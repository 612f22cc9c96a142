"""Django admin for administrators: offices, staff, applicants, the calendar and read access to
everything else. Edits of the calendar go through the calendar service so open cases are recomputed;
cases, consultations, fees and remedies are changed only through their services (the pages and the
API), which check the state and dates, record an event, recompute the clock and move the version."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin as BaseHistoryAdmin

from cases.clocksync import recompute_open_applications
from cases.forms import AdminLoginForm
from cases.models import (
    Agency,
    Applicant,
    Application,
    ApplicationEvent,
    CalendarDay,
    CalendarYear,
    Consultation,
    Fee,
    PublishedReport,
    Remedy,
    User,
)

admin.site.site_header = "公开台账 系统管理"
admin.site.site_title = "公开台账"
admin.site.login_form = AdminLoginForm


def _is_id(field, value: str) -> bool:
    try:
        field.to_python(unquote(value))
    except ValidationError:
        return False
    return True


class SimpleHistoryAdmin(BaseHistoryAdmin):
    """simple-history's admin, whose history pages answer 404 for an id in the address that is no
    number (/admin/cases/application/abc/history/ was a 500, a ValueError), as the change page does;
    and whose lists give a filter no query can carry the admin's answer to a filter it cannot apply
    (back to the list with ?e=1), as Django does for an unknown one."""

    def get_changelist_instance(self, request):
        # a NUL character: PostgreSQL cannot compare text holding one (a DataError)
        if any("\x00" in key + value for key, values in request.GET.lists() for value in values):
            raise IncorrectLookupParameters("筛选条件含有空字符（NUL）")
        try:
            return super().get_changelist_instance(request)
        except OverflowError as exc:  # the date drill-down's year or month past any date
            raise IncorrectLookupParameters(exc) from exc

    def history_view(self, request, object_id, extra_context=None):
        if not _is_id(self.model._meta.pk, object_id):
            raise Http404
        return super().history_view(request, object_id, extra_context=extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        history_id = self.model.history.model._meta.pk
        if not (_is_id(self.model._meta.pk, object_id) and _is_id(history_id, version_id)):
            raise Http404
        return super().history_form_view(
            request, object_id, version_id, extra_context=extra_context
        )


class NoDeleteMixin:
    """Nothing in Gongkai is hard-deleted: void it on its page instead."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyMixin(NoDeleteMixin):
    """Shown with its history, never added, changed or reverted here: the services change it."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """An earlier version is shown, never put back: simple-history's form saves what is posted
        to it without asking for the change permission (only its page hides the button)."""
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Agency)
class AgencyAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ("code", "name", "short_name", "parent", "hotline")
    search_fields = ("code", "name")
    readonly_fields = ("path",)


@admin.register(User)
class StaffAdmin(NoDeleteMixin, UserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "full_name", "agency", "role", "is_active")
    list_filter = ("role", "agency", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("公开台账", {"fields": ("full_name", "agency", "role")}))
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("公开台账", {"fields": ("full_name", "agency", "role")}),
    )


class ApplicantAdminForm(forms.ModelForm):
    def _get_validation_exclusions(self):
        """The office, though not changed here, is checked with the numbers: they are unique within
        an office (else a number taken there is a database error instead of a message)."""
        return super()._get_validation_exclusions() - {"agency"}


@admin.register(Applicant)
class ApplicantAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    """Each office keeps its own applicants: the office is chosen when one is added here and not
    changed afterwards (its applications, all of that office, would point to another office's row)."""

    form = ApplicantAdminForm
    list_display = ("name", "type", "agency", "phone")
    search_fields = ("name", "id_number", "credit_code")
    list_filter = ("type", "agency")
    list_select_related = ("agency",)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return (*readonly, "agency") if obj is not None else readonly


class EventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    fields = ("on", "kind", "days", "deadline", "party", "note", "created_by")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("number", "agency", "channel", "received_on", "status", "deadline", "outcome")
    list_filter = ("status", "channel", "regime", "agency")
    search_fields = ("number", "applicant__name", "content")
    date_hierarchy = "received_on"
    inlines = [EventInline]
    list_select_related = ("agency",)
    readonly_fields = (
        "status",
        "regime",
        "deadline",
        "deadline_provisional",
        "extension_days",
        "supplement_notice_due",
        "stopped_days_left",
        "outcome",
        "concluded_on",
        "version",
        "year",
        "seq",
        "number",
    )


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("received_at", "agency", "channel", "topic", "answered_at")
    list_filter = ("channel", "agency")
    search_fields = ("topic", "question")
    date_hierarchy = "received_at"


@admin.register(Fee)
class FeeAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("application", "method", "amount", "notified_on", "paid_on", "waived_on")


@admin.register(Remedy)
class RemedyAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("application", "kind", "filed_on", "result", "decided_on")
    list_filter = ("kind", "result")


@admin.register(PublishedReport)
class PublishedReportAdmin(NoDeleteMixin, admin.ModelAdmin):
    """Shown, never edited: a published report's numbers stay as published (reports/publish.py)."""

    list_display = ("agency", "year", "include_children", "published_at", "published_by")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class CalendarAdminMixin:
    """Every edit of the calendar here recomputes the open cases, as the calendar page's do."""

    def _recompute(self, request, what: str) -> None:
        moved = recompute_open_applications(
            reason=f"节假日安排调整（系统管理）：{what}", user=request.user
        )
        messages.info(request, f"已重新计算办理中申请的期限，{moved}件申请的期限发生变化。")

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        self._recompute(request, str(obj))

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        self._recompute(request, f"删除{obj}")

    def delete_queryset(self, request, queryset) -> None:
        """The change list's "delete selected" action."""
        removed = "、".join(str(obj) for obj in queryset)
        with transaction.atomic():  # the admin's actions run outside a transaction
            super().delete_queryset(request, queryset)
            self._recompute(request, f"删除{removed}")


@admin.register(CalendarDay)
class CalendarDayAdmin(CalendarAdminMixin, SimpleHistoryAdmin):
    list_display = ("day", "name", "workday", "source")
    list_filter = ("workday",)
    date_hierarchy = "day"
    search_fields = ("name",)


@admin.register(CalendarYear)
class CalendarYearAdmin(CalendarAdminMixin, SimpleHistoryAdmin):
    list_display = ("year", "source")
