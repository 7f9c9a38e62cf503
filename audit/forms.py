from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from audit.models.events import TRACKED

READS = "reads"


def kind_choices():
    choices = [
        (key, str(entry.model._meta.verbose_name_plural).capitalize()) for key, entry in TRACKED.items()
    ]
    return [*sorted(choices, key=lambda c: c[1]), (READS, _("Inzages (wie las wat)"))]


class TrailSearchForm(forms.Form):
    """The administrator's search of the whole trail: record type, person, record, period."""

    kind = forms.ChoiceField(label=_("soort record"), choices=kind_choices, initial="placements.placement")
    user = forms.ModelChoiceField(
        label=_("persoon"), queryset=get_user_model().objects.order_by("full_name"), required=False
    )
    record = forms.IntegerField(label=_("recordnummer"), min_value=1, max_value=2**62, required=False)
    date_from = forms.DateField(
        label=_("van"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("De einddatum ligt vóór de begindatum."))
        return cleaned
