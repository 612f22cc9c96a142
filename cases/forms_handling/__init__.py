"""Forms of the handler's actions. They only parse input; the services check the rules and save.

Every action form carries the case's version as it was shown (hidden), so two people acting on one
case never silently overwrite each other: the second is told the case changed.

The package: base.py (ActionForm and what the action forms share), steps.py (assigning, supplement,
consultation, extension, deadline, withdrawal), fees.py (fee notice, payment, waiver), conclude.py
(the reply), remedies.py and workbench.py; every name is re-exported here."""

from cases.forms_handling.base import (
    NO_VERSION,
    TEXTAREA,
    ActionForm,
    ApproverMixin,
    UserChoiceField,
    approvers_for,
    text_field,
)
from cases.forms_handling.conclude import (
    ConcludeForm,
    OnTheSpotForm,
    OutcomeFields,
    basis_suggestions,
    grouped_outcomes,
)
from cases.forms_handling.fees import FeeNotifyForm, FeePayForm, FeeWaiveForm
from cases.forms_handling.remedies import RemedyForm, RemedyUpdateForm
from cases.forms_handling.steps import (
    AssignForm,
    EndConsultationForm,
    ExtendForm,
    ReceiveSupplementForm,
    RequestSupplementForm,
    SetDeadlineForm,
    StartConsultationForm,
    WithdrawForm,
)
from cases.forms_handling.workbench import WorkbenchFilterForm

__all__ = [
    "NO_VERSION",
    "TEXTAREA",
    "ActionForm",
    "ApproverMixin",
    "AssignForm",
    "ConcludeForm",
    "EndConsultationForm",
    "ExtendForm",
    "FeeNotifyForm",
    "FeePayForm",
    "FeeWaiveForm",
    "OnTheSpotForm",
    "OutcomeFields",
    "ReceiveSupplementForm",
    "RemedyForm",
    "RemedyUpdateForm",
    "RequestSupplementForm",
    "SetDeadlineForm",
    "StartConsultationForm",
    "UserChoiceField",
    "WithdrawForm",
    "WorkbenchFilterForm",
    "approvers_for",
    "basis_suggestions",
    "grouped_outcomes",
    "text_field",
]
