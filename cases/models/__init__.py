from .agency import Agency, NumberSequence, User
from .applicant import Applicant
from .application import Application, ApplicationEvent
from .calendar import CalendarDay, CalendarYear
from .consultation import Consultation
from .fee import Fee
from .remedy import Remedy
from .report import PublishedReport

__all__ = [
    "Agency",
    "Applicant",
    "Application",
    "ApplicationEvent",
    "CalendarDay",
    "CalendarYear",
    "Consultation",
    "Fee",
    "NumberSequence",
    "PublishedReport",
    "Remedy",
    "User",
]
