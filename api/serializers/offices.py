"""Authentication, offices and staff."""

from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from cases import access
from cases.models import Agency, User
from cases.models.agency import default_hotline

from .common import AgencyCodeField

# --- authentication (for the schema) ----------------------------------------------------------


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


# --- offices and staff ------------------------------------------------------------------------


def create_unless_taken(create, validated_data: dict, *, field: str, message: str):
    """Create the row; a unique `field` taken a moment ago by another request is a 400, not a 500."""
    try:
        with transaction.atomic():
            return create(**validated_data)
    except IntegrityError:
        raise serializers.ValidationError({field: [message]}) from None


class AgencySerializer(serializers.Serializer):
    code = serializers.RegexField(
        r"^[-a-zA-Z0-9_]+$",
        max_length=32,
        error_messages={"invalid": "机关代码只能包含字母、数字、连字符和下划线。"},
    )
    name = serializers.CharField(max_length=100)
    short_name = serializers.CharField(
        max_length=20, required=False, default="本机关", help_text="年报语句中的自称，如“我乡”"
    )
    parent = serializers.CharField(
        max_length=32, required=False, allow_null=True, default=None, help_text="上级机关代码"
    )
    hotline = serializers.CharField(max_length=20, required=False, default=default_hotline)

    def validate_code(self, value: str) -> str:
        if Agency.objects.filter(code=value).exists():
            raise serializers.ValidationError("该机关代码已被使用。")
        return value

    def validate_parent(self, value: str | None) -> Agency | None:
        user = self.context["request"].user
        if value is None:
            if not user.is_superuser:
                raise serializers.ValidationError(
                    "请填写上级机关代码：只能在您所管辖的机关下设立机关。"
                )
            return None
        parent = access.find_visible_agency(user, value)
        if parent is None:
            raise serializers.ValidationError("找不到该上级机关，或您无权管理。")
        return parent

    def validate(self, attrs):
        office = Agency(code=attrs["code"], parent=attrs.get("parent"))
        try:
            office.clean()  # its place in the tree: the path within its column
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from None
        return attrs

    def create(self, validated_data) -> Agency:
        return create_unless_taken(
            Agency.objects.create, validated_data, field="code", message="该机关代码已被使用。"
        )

    def to_representation(self, agency: Agency) -> dict:
        return AgencyReadSerializer(agency).data


@extend_schema_serializer(component_name="Agency")
class AgencyReadSerializer(serializers.Serializer):
    """一个机关。"""

    # as the API answers it: every field always sent (the body that creates one, AgencySerializer,
    # may leave some out)

    code = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField(help_text="年报语句中的自称，如“我乡”")
    parent = serializers.CharField(allow_null=True, help_text="上级机关代码；最上级的机关为 null")
    hotline = serializers.CharField()

    def to_representation(self, agency: Agency) -> dict:
        return {
            "code": agency.code,
            "name": agency.name,
            "short_name": agency.short_name,
            "parent": agency.parent.code if agency.parent_id else None,
            "hotline": agency.hotline,
        }


class StaffSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(max_length=150, validators=[UnicodeUsernameValidator()])
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    full_name = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    agency = AgencyCodeField(not_found="找不到该机关，或您无权管理。")
    role = serializers.ChoiceField(choices=User.Role.choices)
    is_active = serializers.BooleanField(read_only=True)

    def validate_username(self, value: str) -> str:
        value = User.normalize_username(value)  # NFKC, as create_user stores it
        UnicodeUsernameValidator()(value)
        if len(value) > 150:
            raise serializers.ValidationError("用户名不能超过150个字符。")
        if User.objects.filter(username__iexact=value).exists():
            raise serializers.ValidationError("该用户名已被使用。")
        return value

    def validate(self, attrs):
        candidate = User(username=attrs["username"], full_name=attrs.get("full_name", ""))
        try:
            validate_password(attrs["password"], candidate)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password": list(exc.messages)}) from None
        return attrs

    def create(self, validated_data) -> User:
        return create_unless_taken(
            User.objects.create_user, validated_data, field="username", message="该用户名已被使用。"
        )

    def to_representation(self, user: User) -> dict:
        return StaffReadSerializer(user).data


@extend_schema_serializer(component_name="Staff")
class StaffReadSerializer(serializers.Serializer):
    """一名工作人员（不含密码）。"""

    # as the API answers them: every field always sent (StaffSerializer is the body that creates one)

    id = serializers.IntegerField()
    username = serializers.CharField()
    full_name = serializers.CharField(allow_blank=True)
    agency = serializers.CharField(help_text="机关代码")
    role = serializers.ChoiceField(
        choices=User.Role.choices, allow_null=True, help_text="在系统管理中未设定角色的为 null"
    )
    is_active = serializers.BooleanField()

    def to_representation(self, user: User) -> dict:
        return {
            "id": user.pk,
            "username": user.username,
            "full_name": user.full_name,
            "agency": user.agency.code if user.agency_id else None,
            "role": user.role or None,
            "is_active": user.is_active,
        }
