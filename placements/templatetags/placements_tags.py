from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from placements.checks import WEEKDAYS

register = template.Library()


@register.filter
def weekday_name(value):
    try:
        return WEEKDAYS[int(value)]
    except (TypeError, ValueError, IndexError):
        return ""


# The badge of a placement's state, on every list row: a tag rather than an
# included template, which costs a template render per row (issue 16).
STATE_BADGE_CLASSES = {
    "draft": "text-bg-secondary",
    "agreement_pending": "text-bg-warning",
    "active": "text-bg-success",
    "completed": "text-bg-primary",
    "terminated": "text-bg-danger",
}


@register.simple_tag
def state_badge(state, start=None):
    from placements.models import PlacementState

    if state not in STATE_BADGE_CLASSES:
        return format_html('<span class="badge text-bg-light border">{}</span>', _("nog geen stage"))
    if state == "active" and start and start > timezone.localdate():
        # Signed, not begun: say when it starts rather than "lopend".
        label = _("getekend, start %(day)s") % {"day": f"{start:%d-%m-%Y}"}
        return format_html('<span class="badge text-bg-info">{}</span>', label)
    return format_html(
        '<span class="badge {}">{}</span>', STATE_BADGE_CLASSES[state], PlacementState(state).label
    )


@register.filter
def role(kind, name):
    """{{ placement.plan.kind|role:"student" }}: the word for a role in this kind of stage."""
    from placements.wording import role_word

    try:
        return role_word(kind, name)
    except KeyError:
        return ""
