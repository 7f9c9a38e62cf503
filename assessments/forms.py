"""Forms of the coordinator's pages: frameworks, scales and the plan's setup."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from assessments import uploads
from assessments.models import (
    Assignment,
    Competency,
    CompetencyFramework,
    FinalPresentation,
    JudgementMethod,
    PlanAssessmentSetup,
    Round,
    Scale,
)
from assessments.versioning import usable_for_plans
from stagebeheer.formlimits import LimitsMixin


class FrameworkForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = CompetencyFramework
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class NewFrameworkForm(LimitsMixin, forms.Form):
    """A new framework starts as a copy (of a standard list or an own one), so it
    always holds at least five competencies."""

    source = forms.ModelChoiceField(label=_("Uitgaan van"), queryset=CompetencyFramework.objects.none())
    scale = forms.ModelChoiceField(
        label=_("Schaal"),
        queryset=Scale.objects.none(),
        required=False,
        help_text=_(
            "Leeg: de schaal van de lijst waarvan u uitgaat. Een andere schaal begint zonder indicatoren."
        ),
    )
    department = forms.ModelChoiceField(label=_("Afdeling"), queryset=None)

    def __init__(self, *args, user, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = CompetencyFramework.objects.visible_to(user).filter(is_current=True)
        self.fields["scale"].queryset = Scale.objects.visible_to(user)
        self.fields["department"].queryset = departments
        if departments.count() == 1:
            self.fields["department"].initial = departments.first()


class CompetencyForm(LimitsMixin, forms.ModelForm):
    """Name, description and an indicator per level of the framework's scale."""

    class Meta:
        model = Competency
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.levels = list(levels)
        current = {}
        if self.instance.pk:
            current = {i.level_id: i for i in self.instance.indicators.all()}
        for level in self.levels:
            found = current.get(level.pk)
            self.fields[f"indicator_{level.pk}"] = forms.CharField(
                label=_("Wat betekent '%(l)s'?") % {"l": level.label},
                max_length=500,
                required=False,
                initial=found.text if found else "",
            )
            self.fields[f"student_{level.pk}"] = forms.CharField(
                label=_("'%(l)s' in de woorden van de leerling") % {"l": level.label},
                max_length=500,
                required=False,
                initial=found.student_text if found else "",
            )

    def indicators(self) -> dict:
        return {
            level.pk: (self.cleaned_data[f"indicator_{level.pk}"], self.cleaned_data[f"student_{level.pk}"])
            for level in self.levels
        }


class ScaleForm(LimitsMixin, forms.Form):
    MAX_LEVELS = 10
    name = forms.CharField(label=_("Naam van de schaal"), max_length=100)
    department = forms.ModelChoiceField(label=_("Afdeling"), queryset=None)

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        if departments.count() == 1:
            self.fields["department"].initial = departments.first()
        for i in range(self.MAX_LEVELS):
            self.fields[f"label_{i}"] = forms.CharField(
                label=_("Niveau %(n)s") % {"n": i + 1}, max_length=60, required=i < 2
            )
            self.fields[f"passing_{i}"] = forms.BooleanField(label=_("voldoende"), required=False)

    def clean(self):
        data = super().clean()
        labels = [data.get(f"label_{i}", "").strip() for i in range(self.MAX_LEVELS)]
        levels = [(label, data.get(f"passing_{i}", False)) for i, label in enumerate(labels) if label]
        if len({label.lower() for label, _p in levels}) != len(levels):
            raise ValidationError(_("Geef elk niveau een eigen naam."))
        if not any(p for _l, p in levels):
            raise ValidationError(_("Minstens één niveau moet voldoende zijn."))
        data["levels"] = levels
        return data


class SetupForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = PlanAssessmentSetup
        fields = ["framework", "method", "weight_workplace", "weight_school", "weight_student"]
        widgets = {"method": forms.RadioSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = CompetencyFramework.objects.visible_to(user).filter(
            is_current=True
        )
        for name in ("weight_workplace", "weight_school", "weight_student"):
            self.fields[name].widget.attrs.update(min=0, max=100)

    def clean_framework(self):
        framework = self.cleaned_data["framework"]
        if not usable_for_plans(framework):
            raise ValidationError(_("Een competentielijst heeft 5 tot 40 competenties."))
        return framework

    def clean(self):
        data = super().clean()
        if data.get("method") == JudgementMethod.WEIGHTS:
            total = sum(data.get(n) or 0 for n in ("weight_workplace", "weight_school", "weight_student"))
            if total != 100:
                raise ValidationError(
                    _("De gewichten tellen samen op tot 100%% (nu %(t)s%%).") % {"t": total}
                )
        return data


class RoundForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = Round
        fields = ["kind", "share", "by_workplace", "by_student", "by_school"]

    def __init__(self, *args, setup, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup = setup
        self.fields["share"].widget.attrs.update(min=0, max=100)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind and self.setup.rounds.filter(kind=kind).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Deze ronde bestaat al voor dit plan."))
        if not (data.get("by_workplace") or data.get("by_student") or data.get("by_school")):
            raise ValidationError(_("Kies wie deze ronde invult."))
        return data


def scale_from_form(data):
    """Create the scale a valid ScaleForm describes."""
    from assessments.models import ScaleLevel

    scale = Scale.objects.create(department=data["department"], name=data["name"])
    ScaleLevel.objects.bulk_create(
        ScaleLevel(scale=scale, order=i, label=label, passing=passing)
        for i, (label, passing) in enumerate(data["levels"])
    )
    return scale


# --- the stageboek -------------------------------------------------------------------


class AssignmentForm(LimitsMixin, forms.ModelForm):
    limits = {"order": (0, 999)}

    class Meta:
        model = Assignment
        fields = ["title", "kind", "instructions", "shared_by_duo", "required", "order"]
        widgets = {"instructions": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if Assignment.objects.filter(plan=self.plan, title=title).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Dit plan heeft al een opdracht met deze titel."))
        return title


class HandInForm(LimitsMixin, forms.Form):
    """What a student hands in through the link: a text, a file, or both."""

    assignment = forms.ModelChoiceField(queryset=Assignment.objects.none(), widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Je tekst"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    file = forms.FileField(
        label=_("Of een bestand (PDF, foto of Office-document, hoogstens 10 MB)"), required=False
    )

    def __init__(self, *args, assignments, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the assignments of the link's own plan: another id is "not a choice".
        self.fields["assignment"].queryset = assignments
        self.fields["assignment"].error_messages["invalid_choice"] = _(
            "Deze opdracht hoort niet bij jouw stage."
        )
        self.fields["assignment"].error_messages["required"] = _("Kies een opdracht om in te leveren.")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            self.file_kind = uploads.check(upload)
        return upload

    def clean(self):
        data = super().clean()
        data["text"] = (data.get("text") or "").strip()
        if not data["text"] and not data.get("file") and not self.errors:
            raise ValidationError(_("Schrijf een tekst of kies een bestand."))
        return data


class ReviewForm(LimitsMixin, forms.Form):
    """Mark done (feedback optional) or send back (feedback required)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=1_000_000)
    feedback = forms.CharField(
        label=_("Feedback voor de leerling"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, send_back=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.send_back = send_back

    def clean(self):
        data = super().clean()
        data["feedback"] = (data.get("feedback") or "").strip()
        if self.send_back and not data["feedback"]:
            self.add_error("feedback", _("Schrijf wat de leerling moet verbeteren."))
        return data


class PresentationForm(LimitsMixin, forms.ModelForm):
    limits = {"grade": (Decimal("1.0"), Decimal("10.0"))}

    class Meta:
        model = FinalPresentation
        fields = ["held_on", "grade", "level", "comment"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"grade": _("Een cijfer van 1 tot 10 met één decimaal, of kies hieronder een niveau.")}

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = levels
        self.fields["grade"].widget.attrs["step"] = "0.1"

    def clean(self):
        data = super().clean()
        if (data.get("grade") is None) == (data.get("level") is None) and not self.errors:
            raise ValidationError(_("Vul een cijfer in of kies een niveau, niet allebei."))
        return data
