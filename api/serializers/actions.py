"""The bodies of the actions on a case (POST /applications/{id}/<action>/): each parses the date and
the action's own fields, and the optional version read by the caller."""

from rest_framework import serializers

from cases.models import Fee, User

from ..fields import BoundedDateField, TextField, UsernameField
from .applications import OUTCOME_CHOICES


class VersionMixin(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        allow_null=True,
        default=None,
        help_text="可选：读取时的版本号；他人已修改则返回409",
    )


class OnSerializer(VersionMixin):
    on = BoundedDateField(help_text="办理日期：不晚于今天，不早于收到申请之日及本案上一环节")


class RequestSupplementSerializer(OnSerializer):
    items_to_supplement = TextField(help_text="需要补正的事项")
    due_on = BoundedDateField(
        required=False, allow_null=True, default=None, help_text="补正期限（日期）"
    )
    period_days = serializers.IntegerField(
        min_value=1,
        max_value=60,
        required=False,
        allow_null=True,
        default=None,
        help_text="补正期限（工作日），默认15",
    )


class NoteSerializer(OnSerializer):
    note = TextField(required=False, allow_blank=True, default="")


class StartConsultationSerializer(NoteSerializer):
    party = serializers.CharField(max_length=200, help_text="征求意见的第三方或机关")


class ApproverField(UsernameField):
    """A supervisor or admin named by username."""

    def run_validation(self, data=serializers.empty) -> User:
        name = super().run_validation(data)
        user = User.objects.filter(username=name, is_active=True).select_related("agency").first()
        if user is None:
            raise serializers.ValidationError(
                "批准人须为本机关（或上级机关）的负责人，请填写其用户名。"
            )
        return user


class ExtendSerializer(OnSerializer):
    days = serializers.IntegerField(min_value=1, max_value=100, help_text="延长的工作日数")
    approved_by = ApproverField(help_text="批准人（负责人）用户名")
    reason = TextField()


class SetDeadlineSerializer(OnSerializer):
    deadline = BoundedDateField(help_text="合理答复期限（《条例》第三十五条）")
    reason = TextField()


class NotifyFeeSerializer(OnSerializer):
    method = serializers.ChoiceField(choices=Fee.Method.choices)
    pages = serializers.IntegerField(
        min_value=1, max_value=1_000_000, required=False, allow_null=True, default=None
    )
    amount = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        required=False,
        allow_null=True,
        default=None,
        help_text="仅成本费用（2008年《条例》）须填写",
    )
    cost_items = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class WaiveFeeSerializer(OnSerializer):
    approved_by = ApproverField(help_text="批准人（负责人）用户名")
    reason = TextField()


class ConcludeSerializer(OnSerializer):
    outcome = serializers.ChoiceField(choices=OUTCOME_CHOICES)
    reason = TextField(required=False, allow_blank=True, default="")
    basis = TextField(required=False, allow_blank=True, default="")
    referred_to = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
