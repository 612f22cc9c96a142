"""REST API v1 (api.md): thin views over the services and selectors the pages use.

Who may see and do what is decided in one place, cases/access.py: lists start from its querysets,
single objects come from its get_*_for_user (404 when not visible), writes ask can()/require().
"""

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from cases import access, timeutil
from cases.clock import engine
from cases.clocksync import due_soon_days, get_calendar
from cases.models import Agency, Application, ApplicationEvent, Consultation, Remedy, User
from cases.services import fees as fee_services
from cases.services import handling, registration, remedies
from cases.services.calendar import calendar_set_day

from . import serializers as s
from .authentication import TokenAuthentication
from .fields import MAX_ID
from .filters import ApplicationFilterSet, ConsultationFilterSet, RemedyFilterSet
from .parsers import StrictJSONParser


def parse_pk(value) -> int:
    """A path id as a positive 64-bit integer, else 404 (never a database overflow)."""
    text = str(value)
    if not text.isascii() or not text.isdigit() or len(text) > 19 or not 0 < int(text) <= MAX_ID:
        raise Http404("未找到。")
    return int(text)


class ApiMixin:
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    parser_classes = [StrictJSONParser]

    def initialize_request(self, request, *args, **kwargs):
        translation.activate(
            settings.LANGUAGE_CODE
        )  # messages in Chinese, whatever Accept-Language says
        return super().initialize_request(request, *args, **kwargs)


# --- authentication ---------------------------------------------------------------------------


class TokenView(ObtainAuthToken):
    """以用户名和密码换取令牌；此后每个请求带上请求头 `Authorization: Token <令牌>`。"""

    authentication_classes = []
    parser_classes = [StrictJSONParser]
    serializer_class = s.LoginSerializer

    def initialize_request(self, request, *args, **kwargs):
        translation.activate(settings.LANGUAGE_CODE)
        return super().initialize_request(request, *args, **kwargs)

    @extend_schema(request=s.LoginSerializer, responses={200: s.TokenSerializer}, auth=[])
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
    list=extend_schema(summary="可见的机关", responses=s.AgencySerializer(many=True)),
    retrieve=extend_schema(summary="一个机关", responses=s.AgencySerializer),
    create=extend_schema(
        summary="设立机关（管理员）",
        request=s.AgencySerializer,
        responses={201: s.AgencySerializer},
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
    list=extend_schema(summary="工作人员（管理员）", responses=s.StaffSerializer(many=True)),
    create=extend_schema(
        summary="新增工作人员（管理员）",
        request=s.StaffSerializer,
        responses={201: s.StaffSerializer},
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


# --- applications -----------------------------------------------------------------------------


def application_rows(qs: QuerySet[Application]) -> list[dict]:
    """The applications of `qs` as the rows the representation reads (s.APPLICATION_FIELDS), each with
    its events (oldest first) and its full clock: two queries for any number of rows, and no model
    instances built per row and per related object."""
    return with_events_and_clocks(list(qs.values(*s.APPLICATION_FIELDS)))


def with_events_and_clocks(rows: list[dict]) -> list[dict]:
    """Add each row's events (one query for all rows) and its clock computed from them."""
    events: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    if events:
        for event in (
            ApplicationEvent.objects.filter(application_id__in=list(events))
            .order_by("on", "id")
            .values(*s.EVENT_FIELDS)
        ):
            events[event["application_id"]].append(event)
    today, calendar, soon = timeutil.today(), get_calendar(), due_soon_days()
    for row in rows:
        row["events"] = events[row["id"]]
        # clocksync.compute_for over ApplicationEvent.to_clock_event, without a model instance per event
        clock_events = [
            engine.ClockEvent(
                kind=e["kind"], on=e["on"], days=e["days"], deadline=e["deadline"], reason=e["note"]
            )
            for e in row["events"]
        ]
        row["clock"] = engine.compute(
            row["received_on"], clock_events, calendar, today, due_soon_days=soon
        )
    return rows


class RowsOf:
    """A queryset for the paginator: counted as the selector built it, sliced as representation rows
    (so the count carries none of the joins only the representation needs)."""

    ordered = True

    def __init__(self, qs: QuerySet[Application]) -> None:
        self.qs = qs

    def count(self) -> int:
        return self.qs.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[dict]:
        return list(self.qs[index].values(*s.APPLICATION_FIELDS))


ID_PARAMETER = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="申请的id"
)


def action_schema(request_serializer, summary: str):
    return extend_schema(
        summary=summary,
        request=request_serializer,
        responses={200: s.ApplicationSerializer},
        parameters=[ID_PARAMETER],
    )


@extend_schema_view(
    list=extend_schema(summary="申请列表", responses=s.ApplicationSerializer(many=True)),
    retrieve=extend_schema(
        summary="一件申请", responses=s.ApplicationSerializer, parameters=[ID_PARAMETER]
    ),
    create=extend_schema(
        summary="登记申请",
        request=s.ApplicationCreateSerializer,
        responses={201: s.ApplicationSerializer},
    ),
)
class ApplicationViewSet(ApiMixin, viewsets.GenericViewSet):
    serializer_class = s.ApplicationSerializer
    queryset = Application.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = ApplicationFilterSet

    def get_queryset(self) -> QuerySet[Application]:
        return access.applications_for_user(self.request.user)

    def represent(self, rows: list[dict], *, many: bool = False):
        context = {"mask": not access.can(self.request.user, "handle")}
        return s.ApplicationSerializer(rows if many else rows[0], many=many, context=context).data

    def reload(self, pk: int) -> list[dict]:
        return application_rows(Application.objects.filter(pk=pk))

    def list(self, request):
        page = self.paginate_queryset(
            self.filter_queryset(self.get_queryset()).values(*s.APPLICATION_FIELDS)
        )
        return self.get_paginated_response(
            self.represent(with_events_and_clocks(list(page)), many=True)
        )

    def retrieve(self, request, pk=None):
        # the chokepoint's queryset: 404 unless the caller may see it
        rows = application_rows(self.get_queryset().filter(pk=parse_pk(pk)))
        if not rows:
            raise Http404("找不到该申请，或您无权查看。")
        return Response(self.represent(rows))

    def create(self, request):
        access.require(request.user, "register")
        data = s.ApplicationCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        d = data.validated_data
        application = registration.application_register(
            user=request.user,
            agency=d["agency"],
            channel=d["channel"],
            received_on=d["received_on"],
            submitted_on=d["submitted_on"],
            applicant=registration.ApplicantData(**d["applicant"]),
            content=d["content"],
            items=d["items"],
            delivery=d["delivery"],
        )
        return Response(self.represent(self.reload(application.pk)), status=status.HTTP_201_CREATED)

    def act(self, request, pk, serializer_class, service):
        """Validate the body, run the service on the case (404 / 403 through the chokepoint)."""
        application = access.get_application_for_user(request.user, parse_pk(pk), write=True)
        data = serializer_class(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        d = dict(data.validated_data)
        expected = d.pop("version", None)
        service(user=request.user, application=application, expected_version=expected, **d)
        return Response(self.represent(self.reload(application.pk)))

    @action_schema(s.RequestSupplementSerializer, "告知补正")
    @action(detail=True, methods=["post"], url_path="request-supplement")
    def request_supplement(self, request, pk=None):
        return self.act(
            request, pk, s.RequestSupplementSerializer, handling.application_request_supplement
        )

    @action_schema(s.NoteSerializer, "收到补正（期限重新计算）")
    @action(detail=True, methods=["post"], url_path="receive-supplement")
    def receive_supplement(self, request, pk=None):
        return self.act(request, pk, s.NoteSerializer, handling.application_receive_supplement)

    @action_schema(s.StartConsultationSerializer, "征求第三方或其他机关意见（期限中止）")
    @action(detail=True, methods=["post"], url_path="start-consultation")
    def start_consultation(self, request, pk=None):
        return self.act(
            request, pk, s.StartConsultationSerializer, handling.application_start_consultation
        )

    @action_schema(s.NoteSerializer, "征求意见结束（期限恢复计算）")
    @action(detail=True, methods=["post"], url_path="end-consultation")
    def end_consultation(self, request, pk=None):
        return self.act(request, pk, s.NoteSerializer, handling.application_end_consultation)

    @action_schema(s.ExtendSerializer, "延长答复期限")
    @action(detail=True, methods=["post"], url_path="extend")
    def extend(self, request, pk=None):
        return self.act(request, pk, s.ExtendSerializer, handling.application_extend)

    @action_schema(s.SetDeadlineSerializer, "确定合理答复期限（第三十五条）")
    @action(detail=True, methods=["post"], url_path="set-deadline")
    def set_deadline(self, request, pk=None):
        return self.act(request, pk, s.SetDeadlineSerializer, handling.application_set_deadline)

    @action_schema(s.NotifyFeeSerializer, "收费通知（期限中止）")
    @action(detail=True, methods=["post"], url_path="notify-fee")
    def notify_fee(self, request, pk=None):
        return self.act(request, pk, s.NotifyFeeSerializer, fee_services.fee_notify)

    @action_schema(s.OnSerializer, "缴费（期限恢复计算）")
    @action(detail=True, methods=["post"], url_path="pay-fee")
    def pay_fee(self, request, pk=None):
        return self.act(request, pk, s.OnSerializer, fee_services.fee_pay)

    @action_schema(s.WaiveFeeSerializer, "减免费用（期限恢复计算）")
    @action(detail=True, methods=["post"], url_path="waive-fee")
    def waive_fee(self, request, pk=None):
        return self.act(request, pk, s.WaiveFeeSerializer, fee_services.fee_waive)

    @action_schema(s.ConcludeSerializer, "办结（作出答复）")
    @action(detail=True, methods=["post"], url_path="conclude")
    def conclude(self, request, pk=None):
        return self.act(request, pk, s.ConcludeSerializer, handling.application_conclude)

    @action_schema(s.NoteSerializer, "申请人撤回（以“其他”办结）")
    @action(detail=True, methods=["post"], url_path="withdraw")
    def withdraw(self, request, pk=None):
        return self.act(request, pk, s.NoteSerializer, handling.application_withdraw)


# --- consultations ----------------------------------------------------------------------------


CONSULTATION_ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="咨询的id"
)


@extend_schema_view(
    list=extend_schema(summary="咨询列表", responses=s.ConsultationSerializer(many=True)),
    retrieve=extend_schema(
        summary="一条咨询", responses=s.ConsultationSerializer, parameters=[CONSULTATION_ID]
    ),
    create=extend_schema(
        summary="登记咨询",
        request=s.ConsultationCreateSerializer,
        responses={201: s.ConsultationSerializer},
    ),
)
class ConsultationViewSet(ApiMixin, viewsets.GenericViewSet):
    serializer_class = s.ConsultationSerializer
    queryset = Consultation.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = ConsultationFilterSet

    def get_queryset(self) -> QuerySet[Consultation]:
        return access.consultations_for_user(self.request.user)

    def represent(self, consultations, *, many: bool = False):
        context = {"mask": not access.can(self.request.user, "handle")}
        return s.ConsultationSerializer(consultations, many=many, context=context).data

    def reload(self, pk: int) -> Consultation:
        return Consultation.objects.select_related("agency", "handled_by").get(pk=pk)

    def list(self, request):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.represent(page, many=True))

    def retrieve(self, request, pk=None):
        consultation = access.get_consultation_for_user(request.user, parse_pk(pk))
        return Response(self.represent(self.reload(consultation.pk)))

    def create(self, request):
        access.require(request.user, "register")
        data = s.ConsultationCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        consultation = registration.consultation_register(user=request.user, **data.validated_data)
        return Response(
            self.represent(self.reload(consultation.pk)), status=status.HTTP_201_CREATED
        )

    @extend_schema(
        summary="答复咨询",
        request=s.ConsultationAnswerSerializer,
        responses={200: s.ConsultationSerializer},
        parameters=[CONSULTATION_ID],
    )
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        consultation = access.get_consultation_for_user(request.user, parse_pk(pk), write=True)
        data = s.ConsultationAnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        registration.consultation_answer(
            user=request.user, consultation=consultation, **data.validated_data
        )
        return Response(self.represent(self.reload(consultation.pk)))


# --- remedies ---------------------------------------------------------------------------------


REMEDY_ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="复议诉讼申诉的id"
)


@extend_schema_view(
    list=extend_schema(summary="复议、诉讼、申诉", responses=s.RemedySerializer(many=True)),
    retrieve=extend_schema(
        summary="一项复议、诉讼或申诉", responses=s.RemedySerializer, parameters=[REMEDY_ID]
    ),
    create=extend_schema(
        summary="登记复议、诉讼或申诉",
        request=s.RemedyCreateSerializer,
        responses={201: s.RemedySerializer},
    ),
    partial_update=extend_schema(
        summary="记录结果",
        request=s.RemedyUpdateSerializer,
        responses={200: s.RemedySerializer},
        parameters=[REMEDY_ID],
    ),
)
class RemedyViewSet(ApiMixin, viewsets.GenericViewSet):
    serializer_class = s.RemedySerializer
    queryset = Remedy.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = RemedyFilterSet

    def get_queryset(self) -> QuerySet[Remedy]:
        return Remedy.objects.filter(
            application__in=access.applications_for_user(self.request.user)
        ).order_by("-filed_on", "-id")

    def get_remedy(self, pk) -> Remedy:
        remedy = self.get_queryset().select_related("application").filter(pk=parse_pk(pk)).first()
        if remedy is None:
            raise Http404("找不到该记录，或您无权查看。")
        return remedy

    def list(self, request):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(s.RemedySerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(s.RemedySerializer(self.get_remedy(pk)).data)

    def create(self, request):
        access.require(request.user, "handle")
        data = s.RemedyCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        remedy = remedies.remedy_record(user=request.user, **data.validated_data)
        return Response(s.RemedySerializer(remedy).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        remedy = self.get_remedy(pk)
        access.require(request.user, "handle")
        data = s.RemedyUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        result = d.get("result", remedy.result)
        decided_on = d.get("decided_on", remedy.decided_on)
        remedy = remedies.remedy_update(
            user=request.user, remedy=remedy, result=result, decided_on=decided_on, note=d["note"]
        )
        return Response(s.RemedySerializer(remedy).data)


# --- calendar ---------------------------------------------------------------------------------


class CalendarView(ApiMixin, APIView):
    @extend_schema(
        summary="工作日历（某年的节假日与调休上班日）",
        parameters=[s.CalendarQuerySerializer],
        responses=s.CalendarSerializer,
    )
    def get(self, request):
        query = s.CalendarQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year") or timeutil.today().year
        return Response(s.calendar_data(year))

    @extend_schema(
        summary="设定一天为放假或调休上班（管理员）；办理中的申请随即重算期限",
        request=s.CalendarDaySerializer,
        responses={200: s.CalendarChangeSerializer},
    )
    def post(self, request):
        access.require(request.user, "calendar")
        data = s.CalendarDaySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        moved = calendar_set_day(
            user=request.user,
            day=d["date"],
            workday=d["workday"],
            name=d["name"],
            source=d["source"],
        )
        return Response({**s.calendar_data(d["date"].year), "recomputed": moved})


# --- anything else under /api/v1/ -------------------------------------------------------------


@csrf_exempt
def not_found(request, *args, **kwargs):
    return JsonResponse(
        {"detail": "未找到。"}, status=404, json_dumps_params={"ensure_ascii": False}
    )
