from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

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


@register.filter
def css_string(value):
    """Text safe inside a CSS string literal (the PDF's page footer)."""
    # Raw text inside <style>: no HTML escaping applies, so drop what could end the element.
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return mark_safe(text.replace("<", "").replace(">", ""))  # noqa: S308 - escaped for CSS above
