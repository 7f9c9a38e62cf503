"""The list filters of the host directory, the student list and the plan overview (django-filter).

A value that does not fit its field (an unknown status) is left out of the filter, as
django-filter drops invalid fields; an id that is not an id is a 404, as everywhere
(stagebeheer.params); free text is cut to a sane length rather than refused."""

import django_filters as df
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _l

from placements.models import HostStatus, PlacementState
from placements.search import search_key
from stagebeheer.params import parse_id

STATE_FILTERS = [
    ("none", _l("nog geen stage")),
    ("no_agreement", _l("geen getekende overeenkomst")),
    ("no_supervisor", _l("geen stagebegeleider")),
    *PlacementState.choices,
]


class IdFilter(df.Filter):
    """An id from the query string: malformed is a 404, like a stranger's id."""

    field_class = forms.CharField

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        return qs.filter(**{self.field_name: parse_id(value)})


class TextFilter(df.CharFilter):
    """Free text, cut to ``length`` characters."""

    def __init__(self, *args, length=100, **kwargs):
        self.length = length
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return super().filter(qs, (value or "")[: self.length])


class HostFilter(df.FilterSet):
    q = TextFilter(method="search")
    city = TextFilter(field_name="city", lookup_expr="iexact")
    sector = TextFilter(field_name="sector", lookup_expr="iexact")
    status = df.ChoiceFilter(choices=HostStatus.choices)

    def search(self, qs, _name, value):
        return qs.filter(
            Q(name__icontains=value)
            | Q(city__icontains=value)
            | Q(sector__icontains=value)
            | Q(kvk_number=value)
        )


class StudentFilter(df.FilterSet):
    q = TextFilter(method="search")
    department = IdFilter(field_name="department_id")
    # "class" is a Python keyword: the query string's name is given to the filter.
    class_name = TextFilter(field_name="class_name", lookup_expr="iexact", length=20)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(_renamed(data), *args, **kwargs)

    def search(self, qs, _name, value):
        return qs.filter(
            Q(search_name__contains=search_key(value)) | Q(number=value) | Q(class_name__iexact=value)
        )


class OverviewFilter(df.FilterSet):
    """The rows of a plan's overview (students annotated with their placement)."""

    state = df.ChoiceFilter(choices=STATE_FILTERS, method="by_state")
    class_name = TextFilter(field_name="class_name", lookup_expr="iexact", length=20)
    supervisor = IdFilter(field_name="placement_supervisor_id")
    host = IdFilter(field_name="placement_host_id")
    hostname = TextFilter(field_name="placement_host", lookup_expr="icontains")
    q = TextFilter(method="search")

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(_renamed(data), *args, **kwargs)

    def by_state(self, qs, _name, state):
        if state == "none":
            return qs.filter(placement_id__isnull=True)
        if state == "no_agreement":
            return qs.filter(placement_state__in=[PlacementState.DRAFT, PlacementState.AGREEMENT_PENDING])
        if state == "no_supervisor":
            return qs.filter(placement_id__isnull=False, placement_supervisor_id__isnull=True)
        return qs.filter(placement_state=state)

    def search(self, qs, _name, value):
        return qs.filter(
            Q(search_name__contains=search_key(value)) | Q(number=value) | Q(placement_host__icontains=value)
        )


def _renamed(data):
    """The query string says ``class``; the filter is called ``class_name``."""
    if data is None or "class" not in data:
        return data
    data = data.copy()
    data["class_name"] = data.get("class")
    return data
