"""Forms of the wish rounds: opening a round, ranking places, moving a student."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from placements.distance import describe
from placements.forms import DateInput
from placements.models import MAX_WISHES, Host, Student
from placements.rules import period_problem


class OpenRoundForm(forms.Form):
    title = forms.CharField(label=_l("Naam van de ronde"), max_length=120)
    start_date = forms.DateField(label=_l("Begindatum van de stages"), widget=DateInput())
    end_date = forms.DateField(label=_l("Einddatum van de stages"), widget=DateInput())
    closes_on = forms.DateField(label=_l("Wensen kunnen tot en met"), widget=DateInput())

    def clean(self):
        data = super().clean()
        start, end, closes = data.get("start_date"), data.get("end_date"), data.get("closes_on")
        problem = period_problem(start, end)
        if problem:
            self.add_error("end_date", problem)
        if closes and closes < timezone.localdate():
            self.add_error("closes_on", _("De sluitingsdatum ligt in het verleden."))
        if closes and start and closes > start:
            self.add_error("closes_on", _("De ronde sluit vóór de stages beginnen."))
        return data


def host_label(host, postcode: str) -> str:
    found = describe(postcode, host.postcode)
    where = f", {found['label']}" if found else ""
    return f"{host.name} — {host.city} ({host.sector or '-'}{where})"


class WishForm(forms.Form):
    """Up to five places, best first, each with a short motivation, and a duo wish."""

    def __init__(self, *args, hosts, classmates, postcode="", **kwargs):
        super().__init__(*args, **kwargs)
        ids = [h.pk for h in hosts]
        for i in range(1, MAX_WISHES + 1):
            field = forms.ModelChoiceField(
                label=_("Keuze %(n)s") % {"n": i},
                queryset=Host.objects.filter(pk__in=ids),
                required=i == 1,
                empty_label=_("— kies een plaats —"),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            field.label_from_instance = lambda h, pc=postcode: host_label(h, pc)
            self.fields[f"wish{i}"] = field
            self.fields[f"motivation{i}"] = forms.CharField(
                label=_("Waarom deze plaats? (keuze %(n)s)") % {"n": i}, max_length=300, required=False
            )
        duo = forms.ModelChoiceField(
            label=_("Duo-stage met (optioneel)"),
            queryset=Student.objects.filter(pk__in=[s.pk for s in classmates]).order_by(
                "last_name", "first_name"
            ),
            required=False,
            empty_label=_("— alleen —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        duo.label_from_instance = lambda s: s.full_name
        self.fields["duo_with"] = duo

    def clean(self):
        data = super().clean()
        chosen = [data.get(f"wish{i}") for i in range(1, MAX_WISHES + 1)]
        picked = [h for h in chosen if h is not None]
        if len({h.pk for h in picked}) != len(picked):
            raise forms.ValidationError(_("Kies elke plaats maar één keer."))
        data["wishes"] = [
            (data[f"wish{i}"], data.get(f"motivation{i}") or "")
            for i in range(1, MAX_WISHES + 1)
            if data.get(f"wish{i}") is not None
        ]
        return data

    def wish_rows(self):
        return [(self[f"wish{i}"], self[f"motivation{i}"]) for i in range(1, MAX_WISHES + 1)]


class MoveForm(forms.Form):
    participant = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    host = forms.IntegerField(min_value=0, max_value=2**31 - 1, required=False)


class OfferForm(forms.Form):
    host = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    offered = forms.BooleanField(required=False)
