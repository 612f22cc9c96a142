"""GET /api/v1/reports/annual/ — the annual report as the JSON of api.md, or as a file (format=xlsx|docx|csv)."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from cases import access, timeutil
from cases.reports import exports, publish, spec

from .renderers import FastJSONRenderer
from .serializers.common import iso_datetime
from .views import ApiMixin

FORMATS = ("json", "xlsx", "docx", "csv")
VERSIONS = ("published", "current")


class AnnualReportQuerySerializer(serializers.Serializer):
    agency = serializers.CharField(max_length=32)
    year = serializers.IntegerField(min_value=spec.FIRST_YEAR)
    include_children = serializers.BooleanField(required=False, default=False)
    format = serializers.ChoiceField(choices=FORMATS, required=False, default="json")
    version = serializers.ChoiceField(choices=VERSIONS, required=False, default="published")

    def validate_year(self, year: int) -> int:
        if year > timeutil.today().year:
            raise serializers.ValidationError(f"年度不能晚于{timeutil.today().year}年。")
        return year


# ---- the response, for the OpenAPI schema (api.md's shape; every row holds every column) --------------


def _counts(name: str, keys) -> type[serializers.Serializer]:
    return type(name, (serializers.Serializer,), {k: serializers.IntegerField() for k in keys})


ColumnsSerializer = _counts("AnnualReportColumnsSerializer", spec.COLUMNS)
RowsSerializer = type(
    "AnnualReportRowsSerializer",
    (serializers.Serializer,),
    {row: ColumnsSerializer() for row in spec.ROWS},
)
ChannelsSerializer = _counts(
    "AnnualReportChannelsSerializer", (*spec.APPLICATION_CHANNELS, "total")
)
ConsultationChannelsSerializer = _counts(
    "AnnualReportConsultationChannelsSerializer", (*spec.CONSULTATION_CHANNELS, "total")
)
RemedyResultsSerializer = _counts("AnnualReportRemedyResultsSerializer", spec.REMEDY_COLUMNS)
RemediesSerializer = type(
    "AnnualReportRemediesSerializer",
    (serializers.Serializer,),
    {kind: RemedyResultsSerializer() for kind in spec.REMEDY_KINDS},
)


class AnnualReportApplicationsSerializer(serializers.Serializer):
    columns = serializers.ListField(child=serializers.ChoiceField(choices=spec.COLUMNS))
    rows = RowsSerializer()


class AnnualReportConsultationsSerializer(serializers.Serializer):
    accepted = ConsultationChannelsSerializer()
    handled = ConsultationChannelsSerializer()


class AnnualReportFeesSerializer(serializers.Serializer):
    charged_count = serializers.IntegerField()
    charged_amount = serializers.DecimalField(max_digits=14, decimal_places=2)
    waived_count = serializers.IntegerField()
    waived_amount = serializers.DecimalField(max_digits=14, decimal_places=2)


class AnnualReportTextSerializer(serializers.Serializer):
    section_3 = serializers.CharField(help_text="省级模板第三部分（依申请公开）的文字")
    section_5 = serializers.CharField(help_text="第五部分（咨询处理）的文字")
    section_6 = serializers.CharField(help_text="第六部分（行政复议、行政诉讼及申诉）的文字")
    section_7 = serializers.CharField(help_text="第七部分（二）（收费及减免）的文字")


class AnnualReportErrorSerializer(serializers.Serializer):
    invariant = serializers.IntegerField(help_text="annual-report.md 的校验规则编号（1–6）")
    message = serializers.CharField()
    cells = serializers.ListField(child=serializers.CharField(), help_text="涉及的单元格路径")


class AnnualReportSerializer(serializers.Serializer):
    agency = serializers.CharField()
    year = serializers.IntegerField()
    applications = AnnualReportApplicationsSerializer()
    by_channel = ChannelsSerializer()
    consultations = AnnualReportConsultationsSerializer()
    remedies = RemediesSerializer()
    fees = AnnualReportFeesSerializer()
    text = AnnualReportTextSerializer()
    include_children = serializers.BooleanField(help_text="（扩展）是否含下级机关")
    details = serializers.DictField(
        help_text="（扩展）机关名称、用语年代、主要申请内容和咨询主题、各机关分列"
    )
    errors = AnnualReportErrorSerializer(
        many=True, help_text="（扩展）未通过的校验；为空表示全部通过"
    )
    published_at = serializers.DateTimeField(
        allow_null=True,
        help_text="（扩展）发布（冻结）时间：有值时数字为发布时的数字；null 为按当前案件数据生成",
    )


class JSONOnlyNegotiation(DefaultContentNegotiation):
    """`format` is this endpoint's own parameter (a file download), not DRF's renderer override."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class AnnualReportView(ApiMixin, APIView):
    """Supervisors and admins; 403 for other roles, 404 for an office the caller may not see."""

    renderer_classes = [FastJSONRenderer]
    content_negotiation_class = JSONOnlyNegotiation

    @extend_schema(
        operation_id="reports_annual",
        summary="政府信息公开工作年度报告（统计部分）",
        description="全国统一格式第三、四部分的表格，省级模板第三、五、六、七部分的数字和文字。"
        "每一行都包含全部列（含0）。format=xlsx|docx|csv 时返回文件。负责人和管理员可用。",
        parameters=[
            OpenApiParameter("agency", OpenApiTypes.STR, required=True, description="机关代码"),
            OpenApiParameter(
                "year",
                {"type": "integer", "minimum": spec.FIRST_YEAR},
                required=True,
                description=f"年度（YYYY），{spec.FIRST_YEAR}年至本年度",
            ),
            OpenApiParameter(
                "include_children", OpenApiTypes.BOOL, description="含下级机关（默认 false）"
            ),
            OpenApiParameter(
                "format", OpenApiTypes.STR, enum=list(FORMATS), description="返回文件而非 JSON"
            ),
            OpenApiParameter(
                "version",
                OpenApiTypes.STR,
                enum=list(VERSIONS),
                description="已发布（冻结）的报告默认返回发布时的数字（published）；"
                "current 按当前案件数据重新生成",
            ),
        ],
        responses={
            (200, "application/json"): AnnualReportSerializer,
            (200, exports.XLSX_TYPE): OpenApiTypes.BINARY,
            (200, exports.DOCX_TYPE): OpenApiTypes.BINARY,
            (200, "text/csv"): OpenApiTypes.STR,
        },
    )
    def get(self, request):
        access.require(request.user, "report")
        query = AnnualReportQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        agency = access.get_agency_for_user(request.user, params["agency"])
        data, published, current = publish.issued_or_current(
            agency,
            params["year"],
            params["include_children"],
            current=params["version"] == "current",
        )
        fmt = params["format"]
        if fmt == "json":
            published_at = iso_datetime(published.published_at) if published else None
            return Response({**data, "published_at": published_at})
        response = HttpResponse(
            exports.export(data, fmt, current=current), content_type=exports.CONTENT_TYPES[fmt]
        )
        name = exports.filename(data, fmt, current=current)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
