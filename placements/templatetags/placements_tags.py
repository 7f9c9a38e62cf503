from django import template

from placements.checks import WEEKDAYS

register = template.Library()


@register.filter
def weekday_name(value):
    try:
        return WEEKDAYS[int(value)]
    except (TypeError, ValueError, IndexError):
        return ""


@register.filter
def role(kind, name):
    """{{ placement.plan.kind|role:"student" }}: the word for a role in this kind of stage."""
    from placements.wording import role_word

    try:
        return role_word(kind, name)
    except KeyError:
        return ""
