"""Every form of the project limits every field: a length for text, a range for
numbers, sane years for dates (issue 9.8, 10.3)."""

import inspect

import pytest
from django import forms

from stagebeheer.formlimits import MAX_YEAR, MIN_YEAR, LimitsMixin, YearRangeValidator, limit_field
from tests.forms_catalogue import FORM_KWARGS, all_form_classes, build, form_name

FORMS = all_form_classes()


def test_the_walk_finds_the_forms_of_every_app():
    names = {form_name(f) for f in FORMS}
    assert {
        "placements.forms.PlacementForm",
        "visits.forms.WorkplaceInputForm",
        "agreements.forms.SignForm",
    } <= names
    assert len(FORMS) >= 30


@pytest.mark.parametrize("form_class", FORMS, ids=form_name)
def test_every_form_uses_the_limits_mixin(form_class):
    assert issubclass(form_class, LimitsMixin), (
        f"{form_name(form_class)} lacks LimitsMixin (stagebeheer/formlimits.py)"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", FORMS, ids=form_name)
def test_every_field_of_every_form_has_a_limit(form_class, form_dataset):
    required = [
        p.name
        for p in inspect.signature(form_class.__init__).parameters.values()
        if p.kind == p.KEYWORD_ONLY and p.default is p.empty
    ]
    assert not required or form_name(form_class) in FORM_KWARGS, (
        f"{form_name(form_class)} needs {required}: add it to FORM_KWARGS in tests/forms_catalogue.py"
    )
    form = build(form_class, form_dataset, data={})
    form.is_valid()  # fields added after __init__ get their limits before cleaning
    for name, field in form.fields.items():
        where = f"{form_name(form_class)}.{name}"
        assert limit_field(field), f"{where}: a {type(field).__name__} has no known limit"
        if isinstance(field, forms.CharField) and not isinstance(field, forms.UUIDField):
            assert field.max_length, f"{where} has no max_length"
        if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            assert field.min_value is not None, f"{where} has no minimum"
            assert field.max_value is not None, f"{where} has no maximum"
        if isinstance(field, forms.DateField | forms.DateTimeField):
            assert any(isinstance(v, YearRangeValidator) for v in field.validators), f"{where} takes any year"


class _Probe(LimitsMixin, forms.Form):
    line = forms.CharField()
    text = forms.CharField(widget=forms.Textarea)
    count = forms.IntegerField()
    day = forms.DateField()
    capacity = forms.IntegerField()
    limits = {"capacity": (0, 200)}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("line", "x" * 201),
        ("text", "x" * 9 * 1024 * 1024),
        ("text", "a\x00b"),
        ("count", "99999999999"),
        ("count", "-1"),
        ("count", "²"),
        ("day", "0001-01-01"),
        ("day", "9999-12-31"),
        ("capacity", "201"),
    ],
)
def test_the_mixin_refuses_what_is_too_long_too_big_or_out_of_time(field, value):
    good = {"line": "a", "text": "b", "count": "3", "day": "2027-03-01", "capacity": "5"}
    form = _Probe(data={**good, field: value})
    assert not form.is_valid()
    assert field in form.errors


def test_the_mixin_accepts_what_is_within_the_limits():
    form = _Probe(
        data={
            "line": "x" * 200,
            "text": "y" * 5000,
            "count": "100000",
            "day": f"{MAX_YEAR}-12-31",
            "capacity": "200",
        }
    )
    assert form.is_valid(), form.errors
    assert _Probe(data={**form.data, "day": f"{MIN_YEAR}-01-01"}).is_valid()


def test_the_browser_is_told_the_limits_too():
    html = str(_Probe())
    assert 'maxlength="200"' in html
    assert 'max="100000"' in html
    assert 'max="200"' in html
