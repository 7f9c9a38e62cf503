from django import template

from placements.checks import WEEKDAYS

register = template.Library()


@register.filter
def weekday_name(value):
    try:
        return WEEKDAYS[int(value)]
    except (TypeError, ValueError, IndexError):
        return ""
