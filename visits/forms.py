from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stagebeheer.formlimits import LimitsMixin
from visits.models import (
    ActionOwner,
    AgreedAction,
    Concern,
    ConcernKind,
    ConcernStatus,
    ContactMomentRule,
    Mode,
    PlanGuide,
    Purpose,
    ReporterRole,
    Visit,
    WorkplaceInput,
)
from visits.presets import preset_choices


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MomentForm(LimitsMixin, forms.Form):
    planned_on = forms.DateField(label=_("Datum"), widget=DateInput())
    mode = forms.ChoiceField(label=_("Soort contact"), choices=Mode.choices, initial=Mode.ON_SITE)
    purpose = forms.ChoiceField(label=_("Doel"), choices=Purpose.choices, initial=Purpose.INTERIM)
    required = forms.BooleanField(label=_("Verplicht"), required=False)

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement

    def clean_planned_on(self):
        day = self.cleaned_data["planned_on"]
        if not (self.placement.start_date <= day <= self.placement.end_date):
            raise forms.ValidationError(
                _("Kies een datum tussen %(a)s en %(b)s.")
                % {
                    "a": self.placement.start_date.strftime("%d-%m-%Y"),
                    "b": self.placement.end_date.strftime("%d-%m-%Y"),
                }
            )
        return day


class MoveForm(MomentForm):
    mode = None
    purpose = None
    required = None
    reason = forms.CharField(label=_("Reden"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class CancelForm(LimitsMixin, forms.Form):
    reason = forms.CharField(label=_("Reden"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class VisitLogForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = Visit
        fields = [
            "held_on",
            "mode",
            "unannounced",
            "with_student",
            "with_workplace_supervisor",
            "others_present",
            "learning_moments",
            "learning_potential",
            "workplace_judgement",
            "guidance_showing",
            "guidance_drawing_in",
            "guidance_entrusting",
            "guidance_examples",
            "notes",
        ]
        widgets = {
            "held_on": DateInput(),
            "learning_moments": forms.Textarea(attrs={"rows": 3}),
            "learning_potential": forms.Textarea(attrs={"rows": 3}),
            "workplace_judgement": forms.Textarea(attrs={"rows": 3}),
            "guidance_examples": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].required = True
        if not self.instance.held_on:
            self.initial["held_on"] = timezone.localdate()
        if not self.instance.unannounced_allowed:
            self.fields["unannounced"].help_text = _("Deze afspraak staat geen onaangekondigd bezoek toe.")

    def clean_held_on(self):
        day = self.cleaned_data["held_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Een verslag gaat over een gesprek dat al is geweest."))
        if day < self.instance.placement.start_date - timedelta(days=30):
            raise forms.ValidationError(_("Deze datum ligt ver vóór het begin van de stage."))
        return day

    def clean(self):
        data = super().clean()
        if data.get("unannounced") and data.get("mode") not in (None, Mode.ON_SITE):
            self.add_error(
                "unannounced", _("Alleen een bezoek bij het stagebedrijf kan onaangekondigd zijn.")
            )
        return data


class ActionForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = AgreedAction
        fields = ["description", "owner", "due_on"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "—"), *ActionOwner.choices]
        self.fields["owner"].required = False
        self.fields["description"].required = False

    def clean(self):
        data = super().clean()
        if data.get("description") and not data.get("owner"):
            self.add_error("owner", _("Wie voert deze afspraak uit?"))
        if (data.get("owner") or data.get("due_on")) and not data.get("description"):
            self.add_error("description", _("Beschrijf de afspraak."))
        return data


ActionFormSet = forms.formset_factory(ActionForm, extra=2, max_num=10, absolute_max=10)


class ConcernForm(LimitsMixin, forms.ModelForm):
    """Staff report a concern in the app."""

    class Meta:
        model = Concern
        fields = [
            "kind",
            "occurred_on",
            "severity",
            "reporter_role",
            "reporter_name",
            "description",
            "actions",
        ]
        widgets = {
            "occurred_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "actions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("occurred_on", timezone.localdate())

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return day


class ConcernFollowUpForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = Concern
        fields = ["severity", "actions", "status", "outcome"]
        widgets = {"actions": forms.Textarea(attrs={"rows": 4})}

    def clean(self):
        data = super().clean()
        if data.get("status") == ConcernStatus.CLOSED and not data.get("outcome"):
            self.add_error("outcome", _("Kies een uitkomst voordat u de melding afsluit."))
        return data


class LinkConcernForm(LimitsMixin, forms.Form):
    """Someone without an account reports a concern through a link."""

    reporter_role = forms.ChoiceField(
        label=_("Ik ben"),
        choices=[
            (ReporterRole.STUDENT, ReporterRole.STUDENT.label),
            (ReporterRole.WORKPLACE_SUPERVISOR, ReporterRole.WORKPLACE_SUPERVISOR.label),
            (ReporterRole.GUARDIAN, ReporterRole.GUARDIAN.label),
            (ReporterRole.OTHER, ReporterRole.OTHER.label),
        ],
    )
    # No kind preselected: the reporter names it (a default would be recorded as their choice).
    kind = forms.ChoiceField(
        label=_("Waar gaat het over?"), choices=[("", _("— kies wat het beste past —")), *ConcernKind.choices]
    )
    occurred_on = forms.DateField(label=_("Wanneer gebeurde het?"), widget=DateInput())
    description = forms.CharField(
        label=_("Wat is er gebeurd?"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    reporter_contact = forms.CharField(
        label=_("Hoe kunnen we u bereiken? (e-mail of telefoon, mag leeg)"), max_length=150, required=False
    )
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return day


class WorkplaceInputForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = WorkplaceInput
        fields = ["judgement", "going_well", "to_improve", "topics"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}

    # An answer before a conversation, read on a phone: a page of text per question.
    limits = dict.fromkeys(Meta.fields, 3000)


class RuleForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = ContactMomentRule
        fields = [
            "mode",
            "purpose",
            "timing",
            "offset",
            "repeat_every_days",
            "required",
            "unannounced_allowed",
        ]

    # Days from the start or end, or a percentage of the stage; a year at most.
    limits = {"offset": (0, 365), "repeat_every_days": (0, 365)}

    def clean(self):
        data = super().clean()
        if data.get("timing") == "share" and (data.get("offset") or 0) > 100:
            self.add_error("offset", _("Een percentage is hoogstens 100."))
        repeat = data.get("repeat_every_days")
        if repeat is not None and repeat < 7:
            self.add_error("repeat_every_days", _("Herhaal hoogstens eens per week."))
        return data


class PresetForm(LimitsMixin, forms.Form):
    preset = forms.ChoiceField(label=_("Standaardset"), choices=preset_choices)


class GuideForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = PlanGuide
        fields = ["expectations", "strategies", "allowed", "not_allowed", "contact"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}
