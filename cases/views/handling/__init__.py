"""The handler's pages: the workbench, one page per action on a case, notices, remedies.

Thin views over the services (the same ones the API calls): the form parses, the service checks the
state and the dates and saves, a refusal is shown next to the field it concerns and changes nothing.
Every action page posts the version of the case it showed, so a concurrent change is reported, never
overwritten.

actions: the actions and which fit a case; pages: each action's page and the workbench; remedies:
reconsideration, litigation and complaints; notices: the notices of a case."""

from .actions import ACTIONS, NEXT_STEP, Action, ActionLink, actions_for
from .notices import notice_docx, notice_links, notice_page
from .pages import application_action, workbench
from .remedies import remedy_add, remedy_edit

__all__ = [
    "ACTIONS",
    "NEXT_STEP",
    "Action",
    "ActionLink",
    "actions_for",
    "application_action",
    "notice_docx",
    "notice_links",
    "notice_page",
    "remedy_add",
    "remedy_edit",
    "workbench",
]
