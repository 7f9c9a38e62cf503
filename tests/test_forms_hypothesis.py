"""Every form of the project, fed generated and hostile data: it answers valid
or invalid, never an exception, and validating writes no row (issue 9.9).

The forms come from tests/forms_catalogue.py (forms needing arguments are
built with FORM_KWARGS there). Each field gets a generated value of some shape
(text, numbers, dates, times) or hostile text: NUL bytes, "²", 10,000
characters, year 0001/9999, huge numbers — as strings, the way a browser posts.
(``hypothesis.extra.django.from_form`` was tried: it posts Python objects such
as aware times, which no browser sends, and cannot build a DecimalField
without max_digits, so it found only its own artefacts.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.forms_catalogue import all_form_classes, build, form_name

pytestmark = pytest.mark.django_db

FORMS = all_form_classes()

HOSTILE = st.sampled_from(
    [
        "",
        "\x00",
        "a\x00b",
        "²",
        "١٢٣",
        "-1",
        "0",
        "99999999999999999999999999",
        "1e308",
        "NaN",
        "0001-01-01",
        "9999-12-31",
        "31-02-2027",
        "25:61",
        '=HYPERLINK("https://evil.example")',
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "x" * 10_000,
        "\r\n" * 50,
        "\ud7ff\ufffd",
    ]
)
VALUE = st.one_of(
    HOSTILE, st.text(max_size=300), st.integers(-(10**20), 10**20).map(str), st.dates().map(str)
)
WRITES = ("INSERT", "UPDATE", "DELETE")


def _field_names(form_class, dataset):
    return list(build(form_class, dataset).fields)


@pytest.mark.parametrize("form_class", FORMS, ids=form_name)
def test_no_input_makes_a_form_fail_or_write(form_class, form_dataset):
    names = _field_names(form_class, form_dataset)
    # Some names take several values (checkboxes); the list form tests that path too.
    data_strategy = st.fixed_dictionaries(
        {}, optional={name: st.one_of(VALUE, st.lists(VALUE, max_size=3)) for name in names}
    )

    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(data=data_strategy)
    def check(data):
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for key, value in data.items():
            query.setlist(key, value if isinstance(value, list) else [value])
        form = build(form_class, form_dataset, data=query)
        with CaptureQueriesContext(connection) as queries:
            form.is_valid()
        written = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
        assert not written, f"{form_name(form_class)} wrote while validating: {written}"
        if "\x00" in "".join(v if isinstance(v, str) else "".join(v) for v in data.values()):
            text_fields = [n for n, v in data.items() if "\x00" in (v if isinstance(v, str) else "".join(v))]
            assert not (
                form.is_valid()
                and any(
                    n in form.cleaned_data
                    and isinstance(form.cleaned_data[n], str)
                    and "\x00" in form.cleaned_data[n]
                    for n in text_fields
                )
            ), f"{form_name(form_class)} accepted a NUL byte"

    check()
