from django import template
from django.utils.safestring import mark_safe

from stagebeheer import pdf

register = template.Library()


@register.filter
def css_string(value):
    """Text safe inside a double-quoted CSS string literal (a PDF's page footer)."""
    # Every character that could end the string or the <style> element is a hex escape.
    return mark_safe(pdf.css_string(value))  # noqa: S308 - escaped for CSS by pdf.css_string
