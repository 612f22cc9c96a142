"""Authentication (a token for a username and password), offices and staff."""

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response

from cases import access
from cases.models import Agency, User

from .. import serializers as s
from ..parsers import StrictJSONParser
from .base import ApiMixin

# --- authentication ---------------------------------------------------------------------------


class TokenView(ObtainAuthToken):
    """以用户名和密码换取令牌；此后每个请求带上请求头 `Authorization: Token <令牌>`。"""

    authentication_classes = []
    parser_classes = [StrictJSONParser]
    serializer_class = s.LoginSerializer

    def initialize_request(self, request, *args, **kwargs):
        translation.activate(settings.LANGUAGE_CODE)
        return super().initialize_request(request, *args, **kwargs)

    @extend_schema(
        summary="以用户名和密码换取令牌",
        request=s.LoginSerializer,
        responses={200: s.TokenSerializer},
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        from django.contrib.auth import authenticate

        data = s.LoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(request=request._request, **data.validated_data)
        if user is None or not user.is_active:
            return Response(
                {"non_field_errors": ["用户名或密码不正确。"]}, status=status.HTTP_400_BAD_REQUEST
            )
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


# --- offices and staff ------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="可见的机关", responses=s.AgencyReadSerializer(many=True)),
    retrieve=extend_schema(summary="一个机关", responses=s.AgencyReadSerializer),
    create=extend_schema(
        summary="设立机关（管理员）",
        request=s.AgencySerializer,
        responses={201: s.AgencyReadSerializer},
    ),
)
class AgencyViewSet(
    ApiMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = s.AgencySerializer
    queryset = Agency.objects.none()
    lookup_field = "code"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_queryset(self) -> QuerySet[Agency]:
        return access.visible_agencies(self.request.user).select_related("parent").order_by("path")

    def get_object(self) -> Agency:
        agency = access.get_agency_for_user(self.request.user, self.kwargs["code"])
        return Agency.objects.select_related("parent").get(pk=agency.pk)

    def create(self, request):
        access.require(request.user, "administer")
        serializer = s.AgencySerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        agency = serializer.save()
        return Response(s.AgencySerializer(agency).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="工作人员（管理员）", responses=s.StaffReadSerializer(many=True)),
    create=extend_schema(
        summary="新增工作人员（管理员）",
        request=s.StaffSerializer,
        responses={201: s.StaffReadSerializer},
    ),
)
class StaffViewSet(ApiMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = s.StaffSerializer
    queryset = User.objects.none()

    def get_queryset(self) -> QuerySet[User]:
        access.require(self.request.user, "administer")
        return (
            User.objects.filter(agency_id__in=access.visible_agency_ids(self.request.user))
            .select_related("agency")
            .order_by("agency__path", "username")
        )

    def create(self, request):
        access.require(request.user, "administer")
        serializer = s.StaffSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.save()
        return Response(s.StaffSerializer(user).data, status=status.HTTP_201_CREATED)
