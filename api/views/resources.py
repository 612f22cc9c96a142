"""Consultations, remedies (reconsideration, litigation, complaints) and the working calendar."""

from django.db.models import QuerySet
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from cases import access, timeutil
from cases.models import Consultation, Remedy
from cases.services import registration, remedies
from cases.services.calendar import calendar_set_day

from .. import serializers as s
from ..filters import ConsultationFilterSet, RemedyFilterSet
from .base import ApiMixin, SelectorListMixin, parse_pk

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
class ConsultationViewSet(ApiMixin, SelectorListMixin, viewsets.GenericViewSet):
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
        page = self.paginate_queryset(self.selected())
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
        remedy = remedies.remedy_update(
            user=request.user,
            remedy=remedy,
            result=d.get("result", remedies.KEEP),
            decided_on=d.get("decided_on", remedies.KEEP),
            note=d["note"],
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
