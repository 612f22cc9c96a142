"""The API's shapes (api.md): input serializers only parse and bound what a client sends (the services
decide the rules), output serializers give exactly the contract's fields.

The output serializers declare their fields for the OpenAPI schema but build their dicts directly:
a page of 500 applications with their events is serialized without DRF's per-field machinery.

common: ISO dates, an office named by its code; offices: authentication, offices and staff;
applications: the case as output and the body that registers one; actions: the bodies of the actions
on a case; resources: consultations, remedies and the calendar.
"""

from .actions import (
    ApproverField,
    ConcludeSerializer,
    ExtendSerializer,
    NoteSerializer,
    NotifyFeeSerializer,
    OnSerializer,
    RequestSupplementSerializer,
    SetDeadlineSerializer,
    StartConsultationSerializer,
    VersionMixin,
    WaiveFeeSerializer,
)
from .applications import (
    APPLICATION_FIELDS,
    CENT,
    EVENT_FIELDS,
    FEE_FIELDS,
    OUTCOME_CHOICES,
    ApplicantReadSerializer,
    ApplicantSerializer,
    ApplicationCreateSerializer,
    ApplicationSerializer,
    EventSerializer,
    FeeSerializer,
    applicant_data,
    application_values,
    event_data,
    event_values,
    fee_data,
)
from .common import AgencyCodeField, iso_date, iso_datetime
from .offices import (
    AgencyReadSerializer,
    AgencySerializer,
    LoginSerializer,
    StaffReadSerializer,
    StaffSerializer,
    TokenSerializer,
)
from .resources import (
    CalendarChangeSerializer,
    CalendarDaySerializer,
    CalendarQuerySerializer,
    CalendarSerializer,
    ConsultationAnswerSerializer,
    ConsultationCreateSerializer,
    ConsultationSerializer,
    RemedyCreateSerializer,
    RemedySerializer,
    RemedyUpdateSerializer,
    calendar_data,
)

__all__ = [
    "APPLICATION_FIELDS",
    "CENT",
    "EVENT_FIELDS",
    "FEE_FIELDS",
    "OUTCOME_CHOICES",
    "AgencyCodeField",
    "AgencyReadSerializer",
    "AgencySerializer",
    "ApplicantReadSerializer",
    "ApplicantSerializer",
    "ApplicationCreateSerializer",
    "ApplicationSerializer",
    "ApproverField",
    "CalendarChangeSerializer",
    "CalendarDaySerializer",
    "CalendarQuerySerializer",
    "CalendarSerializer",
    "ConcludeSerializer",
    "ConsultationAnswerSerializer",
    "ConsultationCreateSerializer",
    "ConsultationSerializer",
    "EventSerializer",
    "ExtendSerializer",
    "FeeSerializer",
    "LoginSerializer",
    "NoteSerializer",
    "NotifyFeeSerializer",
    "OnSerializer",
    "RemedyCreateSerializer",
    "RemedySerializer",
    "RemedyUpdateSerializer",
    "RequestSupplementSerializer",
    "SetDeadlineSerializer",
    "StaffReadSerializer",
    "StaffSerializer",
    "StartConsultationSerializer",
    "TokenSerializer",
    "VersionMixin",
    "WaiveFeeSerializer",
    "applicant_data",
    "application_values",
    "calendar_data",
    "event_data",
    "event_values",
    "fee_data",
    "iso_date",
    "iso_datetime",
]
