from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def other_app_url(name, *args):
    """A URL of a page another app owns; empty when that app does not offer it (yet)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


STATUS_CLASSES = {
    "draft": "text-bg-secondary",
    "sent": "text-bg-warning",
    "signed": "text-bg-success",
    "outdated": "text-bg-light border",
    "withdrawn": "text-bg-light border",
}


@register.filter
def status_class(status):
    return STATUS_CLASSES.get(status, "text-bg-secondary")
