"""The case page's action panel: which actions fit the case and the user, its notices, its remedies."""

from django import template

from cases import access

register = template.Library()


@register.simple_tag(takes_context=True)
def case_panel(context, application, events, fee) -> dict:
    from cases.views.handling import actions_for, notice_links

    user = context["request"].user
    handles = access.can(user, "handle") and not application.is_voided
    return {
        "actions": actions_for(user, application, events, fee),
        "notices": notice_links(application, events, fee) if handles else [],
        "can_handle": handles,
        "version": application.version,
    }
