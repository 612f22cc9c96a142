"""Applications: the list, one case, registration and every action on a case."""

from django.db.models import F, QuerySet
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cases import access, timeutil
from cases.clock import engine
from cases.clocksync import due_soon_days, get_calendar, remembered_clock
from cases.models import Application, ApplicationEvent
from cases.pagequery import page_ids_and_total
from cases.querycache import RowsByIds
from cases.services import fees as fee_services
from cases.services import handling, registration
from cases.sqlarray import AnyOf

from .. import serializers as s
from ..filters import ApplicationFilterSet
from .base import ApiMixin, SelectorListMixin, parse_pk

# --- applications -----------------------------------------------------------------------------


# a page's rows and their events: the same two queries on every list request, compiled once (and on
# PostgreSQL one SQL text for any page length, see cases.querycache)
rows_by_ids = RowsByIds(
    Application,
    lambda ids: s.application_values(Application.objects.filter(AnyOf(F("pk"), ids)).order_by()),
)
events_by_ids = RowsByIds(
    ApplicationEvent,
    lambda ids: s.event_values(
        ApplicationEvent.objects.filter(AnyOf(F("application_id"), ids)).order_by("on", "id")
    ),
)


def application_rows(ids: list[int]) -> list[dict]:
    """The applications with these ids, in this order, as the rows the representation reads
    (s.application_values), each with its events (oldest first) and its full clock: two queries,
    compiled once, for any number of rows, and no model instances built per row or related object.
    The caller has already checked that the user may see them."""
    return with_events_and_clocks(rows_in_order(ids))


def rows_in_order(ids: list[int]) -> list[dict]:
    """rows_by_ids in the order of `ids` (the list's order)."""
    found = {row["id"]: row for row in rows_by_ids(ids)}  # no ids: no query (RowsByIds)
    return [found[pk] for pk in ids if pk in found]


def with_events_and_clocks(rows: list[dict]) -> list[dict]:
    """Add each row's events (one query for all rows) and its clock computed from them."""
    events: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    if events:
        for event in events_by_ids(list(events)):
            events[event["application_id"]].append(event)
    today, calendar, soon = timeutil.today(), get_calendar(), due_soon_days()
    for row in rows:
        row["events"] = events[row["id"]]
        # clocksync.compute_for over ApplicationEvent.to_clock_event, without a model instance per event
        clock_events = tuple(
            engine.ClockEvent(
                kind=e["kind"], on=e["on"], days=e["days"], deadline=e["deadline"], reason=e["note"]
            )
            for e in row["events"]
        )
        row["clock"] = remembered_clock(row["received_on"], clock_events, calendar, today, soon)
    return rows


class RowsOf:
    """A queryset for the paginator. The page the request asks for is read together with the total
    (cases.pagequery), so the filters run once for both; the page's rows are then read by id, so the
    planner never weighs the representation's joins together with the filters."""

    ordered = True

    def __init__(self, qs: QuerySet[Application], expected: slice | None = None) -> None:
        self.qs = qs
        self.expected = expected
        self._count: int | None = None
        self._ids: list[int] | None = None  # the expected page's ids, read with the count

    def count(self) -> int:
        if self._count is None:
            found = page_ids_and_total(self.qs, self.expected) if self.expected else None
            if found is not None and (found[1] is not None or self.expected.start == 0):
                self._ids, self._count = found[0], found[1] or 0
                return self._count
            self._count = self.qs.count()  # past the last page: the paginator answers 404
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[dict]:
        if self._ids is not None and index.start == self.expected.start:
            ids = self._ids[: index.stop - index.start]
        else:
            ids = list(self.qs[index].values_list("id", flat=True))
        return rows_in_order(ids)


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
class ApplicationViewSet(ApiMixin, SelectorListMixin, viewsets.GenericViewSet):
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
        return application_rows([pk])

    def list(self, request):
        # counted without the representation's joins (RowsOf)
        rows = RowsOf(self.selected(), self.paginator.requested_slice(request))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(
            self.represent(with_events_and_clocks(list(page)), many=True)
        )

    def retrieve(self, request, pk=None):
        # the chokepoint's queryset: 404 unless the caller may see it. Only the id is asked of it;
        # the row is then read by the lists' compiled query, which costs less than compiling the
        # whole values() query on every request, even with the extra round trip
        visible = list(self.get_queryset().filter(pk=parse_pk(pk)).values_list("pk", flat=True))
        rows = application_rows(visible)
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
