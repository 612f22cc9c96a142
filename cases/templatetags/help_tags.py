"""The help's links to the pages it describes: a link for those who may open the page, the page's name
alone for the others; the name is marked as an interface label (<span class="ui">)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from cases import helpdocs

register = template.Library()


@register.simple_tag(takes_context=True)
def ui_link(context, url_name: str, label: str = "") -> str:
    """The page `url_name` by its top-bar label (or `label`), linked if the user may open it."""
    label = label or helpdocs.NAV_LABELS.get(url_name, "")
    if not label:
        raise template.TemplateSyntaxError(f"ui_link {url_name!r} needs a label")
    if helpdocs.may_open(context["request"].user, url_name):
        return format_html('<a href="{}"><span class="ui">{}</span></a>', reverse(url_name), label)
    return format_html('<span class="ui">{}</span>', label)
