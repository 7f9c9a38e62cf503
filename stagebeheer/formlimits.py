"""Every form field has a length or a range, enforced on the server.

``LimitsMixin`` goes first in the bases of every form of the project. Before a
form is cleaned (and again when it is built, so the browser shows the limits)
it gives each field that has none:

- a text field: ``max_length`` (``TEXT_LINE`` for a line, ``TEXT_AREA`` for a
  text area) — a 9 MiB answer is refused, not stored;
- a number: ``min_value`` and ``max_value`` (``NUMBER_RANGE``);
- a date: a year between ``MIN_YEAR`` and ``MAX_YEAR`` (year 0001 and 9999
  overflow date arithmetic further on);
- a file: a name of at most 255 characters (sizes are each form's own check).

A form names tighter limits in ``limits = {"field": 200, "other": (0, 500)}``.
NUL bytes are refused by Django's CharField itself and, for parameters read
without a form, by ``stagebeheer.middleware.RefuseNulMiddleware``.
tests/stagebeheer/test_form_limits.py walks every form of the project and fails
on a form without the mixin or a field of a kind this module does not know.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

TEXT_LINE = 200
TEXT_AREA = 5000
NUMBER_RANGE = (0, 100_000)
MIN_YEAR, MAX_YEAR = 1900, 2100
FILE_NAME = 255

# Field kinds that carry no free length or size of their own (their value is
# one of a list, a fixed shape, or a clock time).
BOUNDED_KINDS = (
    forms.BooleanField,
    forms.NullBooleanField,
    forms.ChoiceField,  # also ModelChoiceField, TypedChoiceField, MultipleChoiceField
    forms.ModelChoiceField,
    forms.UUIDField,
    forms.TimeField,
)


class YearRangeValidator:
    message = _("Kies een datum tussen %(low)s en %(high)s.")

    def __call__(self, value):
        if value is not None and not (MIN_YEAR <= value.year <= MAX_YEAR):
            raise ValidationError(self.message, code="year_range", params={"low": MIN_YEAR, "high": MAX_YEAR})

    def __eq__(self, other):
        return isinstance(other, YearRangeValidator)


def year_in_range(day) -> bool:
    return day is not None and MIN_YEAR <= day.year <= MAX_YEAR


def _limit_text(field, length):
    if field.max_length is None or field.max_length > length:
        field.max_length = length
        field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
        field.validators.append(MaxLengthValidator(length))
    field.widget.attrs["maxlength"] = str(field.max_length)


def _limit_number(field, low, high):
    if field.min_value is None or field.min_value < low:
        field.min_value = low
        field.validators.append(MinValueValidator(low))
    if field.max_value is None or field.max_value > high:
        field.max_value = high
        field.validators.append(MaxValueValidator(high))
    field.widget.attrs.update(min=str(field.min_value), max=str(field.max_value))


def _limit_date(field):
    if not any(isinstance(v, YearRangeValidator) for v in field.validators):
        field.validators.append(YearRangeValidator())
    if not isinstance(field, forms.DateTimeField):
        field.widget.attrs.setdefault("min", datetime.date(MIN_YEAR, 1, 1).isoformat())
        field.widget.attrs.setdefault("max", datetime.date(MAX_YEAR, 12, 31).isoformat())


def limit_field(field, override=None) -> bool:
    """Give ``field`` its limit; False for a kind of field this module does not know."""
    if isinstance(field, BOUNDED_KINDS):  # before CharField: UUIDField is one
        pass
    elif isinstance(field, forms.CharField):  # also EmailField, RegexField, SlugField, URLField
        default = TEXT_AREA if isinstance(field.widget, forms.Textarea) else TEXT_LINE
        _limit_text(field, override or default)
    elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        _limit_number(field, *(override or NUMBER_RANGE))
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        _limit_date(field)
    elif isinstance(field, forms.FileField):
        field.max_length = min(field.max_length or FILE_NAME, FILE_NAME)
    else:
        return False
    return True


class LimitsMixin:
    """Put first in a form's bases: ``class MyForm(LimitsMixin, forms.Form)``."""

    limits: dict[str, int | tuple] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_limits()

    def apply_limits(self):
        for name, field in self.fields.items():
            limit_field(field, self.limits.get(name))

    def full_clean(self):
        # Fields added after __init__ (a schedule, a template's elements) get theirs too.
        self.apply_limits()
        super().full_clean()


class LimitedForm(LimitsMixin, forms.Form):
    pass


class LimitedModelForm(LimitsMixin, forms.ModelForm):
    pass
