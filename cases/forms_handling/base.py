"""The base of the handler's action forms: ActionForm (the case, the version shown, the date), the
approver and user choices, and the free-text field every action uses."""

from django import forms

from cases import timeutil
from cases.forms import DATE_INPUT, ServiceErrorsMixin
from cases.models import Application, User

TEXTAREA = forms.Textarea(attrs={"rows": 3})
NO_VERSION = "页面缺少版本信息，请刷新页面后重试。"


def text_field(label: str, *, required: bool = True, help_text: str = "") -> forms.CharField:
    """Free text on an action's form: a textarea of at most 2000 characters."""
    return forms.CharField(
        label=label, widget=TEXTAREA, max_length=2000, required=required, help_text=help_text
    )


def approvers_for(application: Application):
    """Supervisors and admins of the case's office and of the offices above it (law.md §3)."""
    path = application.agency.path
    prefixes = ["/".join(path.split("/")[: i + 1]) + "/" for i in range(1, path.count("/"))]
    return User.objects.filter(
        is_active=True,
        role__in=[User.Role.SUPERVISOR, User.Role.ADMIN],
        agency__path__in=prefixes,
    ).order_by("agency__path", "username")


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        office = f"（{obj.agency.name}，{obj.get_role_display()}）" if obj.agency_id else ""
        return f"{obj.display_name}{office}"


class ActionForm(ServiceErrorsMixin, forms.Form):
    """Base of the action forms: the case, the version shown, and `on` defaulting to today."""

    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    on_label = "日期"
    has_on = True

    def __init__(self, *args, application: Application, **kwargs) -> None:
        self.application = application
        initial = {"version": application.version, **kwargs.pop("initial", {})}
        if self.has_on:
            initial.setdefault("on", timeutil.today())
        super().__init__(*args, initial=initial, **kwargs)
        if self.has_on:
            self.fields["on"] = forms.DateField(label=self.on_label, widget=DATE_INPUT)
            self.order_fields(["on"])

    def clean(self):
        data = super().clean()
        if data.get("version") is None and "version" not in self.errors:
            self.add_error(None, NO_VERSION)
        return data

    def service_kwargs(self) -> dict:
        """The keyword arguments for the service (the version goes as expected_version)."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class ApproverMixin:
    def limit_approvers(self) -> None:
        self.fields["approved_by"].queryset = approvers_for(self.application).select_related(
            "agency"
        )
