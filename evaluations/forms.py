from django import forms
from django.utils.translation import gettext_lazy as _

from evaluations.models import QuestionKind, Topic

SCALE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]
MAX_QUESTIONS = 20


class AnswerForm(forms.Form):
    """One field per question of the form version: 1–5 buttons or a short text."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            name = f"q{question.pk}"
            if question.kind == QuestionKind.SCALE:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text,
                    choices=SCALE_CHOICES,
                    coerce=int,
                    widget=forms.RadioSelect(attrs={"class": "scale"}),
                    help_text=_("1 = helemaal niet mee eens, 5 = helemaal mee eens"),
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )

    def answers(self) -> dict:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}


class QuestionForm(forms.Form):
    # Field defaults, so an untouched empty row counts as unchanged and is skipped.
    topic = forms.ChoiceField(
        label=_("onderwerp"),
        choices=Topic.choices,
        initial=Topic.GENERAL,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    kind = forms.ChoiceField(
        label=_("soort"),
        choices=QuestionKind.choices,
        initial=QuestionKind.SCALE,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    text = forms.CharField(label=_("vraag"), max_length=300, required=False)


QuestionFormSet = forms.formset_factory(
    QuestionForm,
    extra=2,
    can_delete=True,
    max_num=MAX_QUESTIONS,
    validate_max=True,
    absolute_max=MAX_QUESTIONS,
)


class HostReviewForm(forms.Form):
    learning_opportunities = forms.TypedChoiceField(
        label=_("Leerkansen op de werkplek"), choices=SCALE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    guidance = forms.TypedChoiceField(
        label=_("Begeleiding door het bedrijf"), choices=SCALE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    safety = forms.TypedChoiceField(
        label=_("Veiligheid van de werkplek"), choices=SCALE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    would_place_again = forms.TypedChoiceField(
        label=_("Zou u hier opnieuw een leerling plaatsen?"),
        choices=[("yes", _("ja")), ("no", _("nee"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class HostStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), widget=forms.Select(attrs={"class": "form-select"}))
    reason = forms.CharField(
        label=_("Reden"), max_length=500, widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"})
    )

    def __init__(self, *args, **kwargs):
        from placements.models import HostStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = HostStatus.choices

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Geef een reden."))
        return reason


class PlanReviewForm(forms.Form):
    findings = forms.CharField(
        label=_("Bevindingen"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
    )
    decisions = forms.CharField(
        label=_("Besluiten"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )
    copy_to = forms.RegexField(
        label=_("Kopieer het plan naar schooljaar"),
        regex=r"^20[0-9]{2}-20[0-9]{2}$",
        required=False,
        max_length=9,
        help_text=_("Leeg laten om niet te kopiëren."),
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_copy_to(self):
        year = self.cleaned_data["copy_to"]
        if year and (int(year[5:]) != int(year[:4]) + 1 or (self.plan and year <= self.plan.school_year)):
            raise forms.ValidationError(_("Kies een later schooljaar, zoals 2027-2028."))
        return year


class ActionForm(forms.Form):
    description = forms.CharField(
        label=_("Actie"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    owner = forms.CharField(
        label=_("Eigenaar"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    due_on = forms.DateField(
        label=_("Klaar op"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("description") and not data.get("owner"):
            self.add_error("owner", _("Wie pakt dit op?"))
        return data


ActionFormSet = forms.formset_factory(ActionForm, extra=3, max_num=20, validate_max=True, absolute_max=20)
