"""Filling in an assessment: one form for every party, drafts and a single submit.

Two people saving the same form (two tabs, the supervisor and a colleague) do
not overwrite each other: each save names the revision it started from and the
conditional UPDATE only succeeds on that revision; the loser gets a message and
keeps their input on the page."""

from django import forms
from django.db import transaction
from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from assessments.models import Assessment, LevelIndicator, Party, Score, Status
from stagebeheer.history import line, record


class ConflictError(Exception):
    """The form changed since it was opened, or was submitted meanwhile."""


def form_context(framework, party):
    """The framework's competencies with, per level, the text the party reads.
    Three queries whatever the size of the framework."""
    levels = list(framework.scale.levels.all())
    competencies = list(
        framework.competencies.prefetch_related(
            Prefetch(
                "indicators",
                queryset=LevelIndicator.objects.only("competency_id", "level_id", "text", "student_text"),
            )
        )
    )
    for competency in competencies:
        texts = {}
        for indicator in competency.indicators.all():
            text = (
                indicator.student_text
                if party == Party.STUDENT and indicator.student_text
                else indicator.text
            )
            texts[indicator.level_id] = text
        competency.options = [(level, texts.get(level.pk, "")) for level in levels]
    return levels, competencies


class AssessmentForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    tops = forms.CharField(
        label=gettext_lazy("Tops: wat gaat goed?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    tips = forms.CharField(
        label=gettext_lazy("Tips: wat kan beter?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, levels, competencies, submit=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = competencies
        self.submit = submit
        choices = [(str(level.pk), level.label) for level in levels]
        for competency in competencies:
            self.fields[f"level_{competency.pk}"] = forms.ChoiceField(
                label=competency.name,
                choices=choices,
                required=submit,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies een niveau voor '%(c)s'.") % {"c": competency.name},
                    "invalid_choice": _("Dit niveau hoort niet bij deze schaal."),
                },
            )
            self.fields[f"comment_{competency.pk}"] = forms.CharField(
                label=_("Toelichting bij %(c)s") % {"c": competency.name},
                max_length=1000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self):
        data = super().clean()
        # A competency that is not on this form (another framework, a forged id): refuse, store nothing.
        known = {f"level_{c.pk}" for c in self.competencies} | {f"comment_{c.pk}" for c in self.competencies}
        foreign = [key for key in self.data if key.startswith(("level_", "comment_")) and key not in known]
        if foreign:
            raise forms.ValidationError(
                _("Dit formulier bevat een competentie die niet op deze lijst staat.")
            )
        return data

    def rows(self):
        """Per competency its bound fields and level options, for the template."""
        for competency in self.competencies:
            yield {
                "competency": competency,
                "level": self[f"level_{competency.pk}"],
                "comment": self[f"comment_{competency.pk}"],
                "chosen": str(self[f"level_{competency.pk}"].value() or ""),
            }

    def scores(self):
        return {
            c.pk: (
                int(self.cleaned_data[f"level_{c.pk}"]) if self.cleaned_data.get(f"level_{c.pk}") else None,
                self.cleaned_data.get(f"comment_{c.pk}", ""),
            )
            for c in self.competencies
        }


def initial_after_draft(assessment, form):
    """The form as a draft save just stored it: its UPDATE matched the posted
    revision, so the row now holds exactly these values at revision + 1, and
    reading them back would only repeat them. Updates ``assessment`` to match."""
    data = form.cleaned_data
    assessment.revision = data["revision"] + 1
    assessment.status, assessment.tops, assessment.tips = Status.DRAFT, data["tops"], data["tips"]
    initial = {"revision": assessment.revision, "tops": assessment.tops, "tips": assessment.tips}
    for cid, (level_id, comment) in form.scores().items():
        if level_id or comment:  # the rows _store writes
            initial[f"level_{cid}"] = str(level_id) if level_id else ""
            initial[f"comment_{cid}"] = comment
    return initial


def initial_for(assessment):
    initial = {"revision": assessment.revision, "tops": assessment.tops, "tips": assessment.tips}
    for score in assessment.scores.all():
        initial[f"level_{score.competency_id}"] = str(score.level_id) if score.level_id else ""
        initial[f"comment_{score.competency_id}"] = score.comment
    return initial


def save(assessment, form, *, submit, by_label="", by_user=None, link=None, refresh=True) -> Assessment:
    """Store a draft or the submission. Raises ConflictError when the revision moved on
    or the form is already submitted; with ``link``, submitting claims it too.
    ``refresh=False``: the caller reads the stored form again itself."""
    data = form.cleaned_data
    now = timezone.now()
    values = {"revision": F("revision") + 1, "tops": data["tops"], "tips": data["tips"]}
    if submit:
        values.update(
            status=Status.SUBMITTED, submitted_at=now, submitted_by=by_user, submitted_by_label=by_label[:150]
        )
    else:
        values["status"] = Status.DRAFT
    try:
        _store(assessment, form, values, submit, by_label, by_user, link)
    except _StaleError:
        current = Assessment.objects.filter(pk=assessment.pk).values_list("status", flat=True).first()
        if current == Status.SUBMITTED:
            raise ConflictError(_("Dit formulier is al ingediend; er is niets gewijzigd.")) from None
        raise ConflictError(
            _(
                "Iemand anders heeft dit formulier intussen opgeslagen. Uw invoer staat hieronder nog; "
                "herlaad de pagina om de nieuwste versie te zien en vul opnieuw in."
            )
        ) from None
    if refresh:
        assessment.refresh_from_db()
    return assessment


class _StaleError(Exception):
    pass


def _store(assessment, form, values, submit, by_label, by_user, link):
    data = form.cleaned_data
    with transaction.atomic():
        if submit and link is not None and not link.claim_completion():
            raise ConflictError(_("Dit formulier is al ingediend."))
        updated = (
            Assessment.objects.filter(pk=assessment.pk, revision=data["revision"])
            .exclude(status=Status.SUBMITTED)
            .update(**values)
        )
        if not updated:
            # Raising undoes the link claim above too: the form stays open for a fresh try.
            raise _StaleError
        Score.objects.filter(assessment=assessment).delete()
        Score.objects.bulk_create(
            Score(assessment=assessment, competency_id=cid, level_id=level_id, comment=comment)
            for cid, (level_id, comment) in form.scores().items()
            if level_id or comment
        )
        if submit:
            from assessments.pdf import queue_pdf

            queue_pdf(assessment.pk)
            record(
                assessment.placement,
                action="assessments:submit",
                summary=line(
                    gettext_noop("%(who)s: %(round)s ingediend"),
                    who=assessment.get_party_display(),
                    round=assessment.round.get_kind_display(),
                ),
                actor=by_user,
                actor_label=by_label,
            )
