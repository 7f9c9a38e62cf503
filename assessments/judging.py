"""The final judgement: computed from the plan's weights (with the computation
kept), or decided by the school supervisor with a rationale.

Each recording is a new version; the earlier ones stay as history. The form
names the version it was based on, so a double submit or two people deciding
at once store one version and tell the other."""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from assessments.models import (
    Assessment,
    FinalJudgement,
    JudgementMethod,
    JudgementScore,
    Party,
    RoundKind,
    Score,
    Status,
)
from stagebeheer.history import line, record

BIG_DEPARTURE = 2  # levels from the workplace supervisor's judgement that need a rationale


class JudgementConflictError(Exception):
    pass


def _rounded(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def basis(placement, setup):
    """What the judgement rests on: the final round's submitted forms, the framework,
    and per competency the parties' levels and (with weights) the computed level."""
    finals = list(
        Assessment.objects.filter(
            placement=placement, round__kind=RoundKind.FINAL, status=Status.SUBMITTED
        ).select_related("framework__scale")
    )
    by_party = {a.party: a for a in finals}
    leading = by_party.get(Party.WORKPLACE) or (finals[0] if finals else None)
    framework = leading.framework if leading else setup.framework
    levels = list(framework.scale.levels.all())
    competencies = list(framework.competencies.all())
    party_of = {a.pk: a.party for a in finals}
    scores = {}
    for score in Score.objects.filter(assessment__in=finals, level__isnull=False).select_related(
        "level", "competency"
    ):
        scores[(party_of[score.assessment_id], score.competency.name)] = score.level
    weights = setup.weights()
    rows = []
    for competency in competencies:
        parties = []
        for party in (Party.WORKPLACE, Party.SCHOOL, Party.STUDENT):
            level = scores.get((party, competency.name))
            parties.append(
                {"party": party, "label": str(Party(party).label), "level": level, "weight": weights[party]}
            )
        row = {"competency": competency, "parties": parties, "computed": None, "mean": None, "used_weight": 0}
        if setup.method == JudgementMethod.WEIGHTS:
            counted = [p for p in parties if p["level"] is not None and p["weight"]]
            total = sum(p["weight"] for p in counted)
            if total:
                # A party that did not submit drops out; the others' weights are scaled to 100%.
                mean = sum(Decimal(p["weight"]) * p["level"].order for p in counted) / Decimal(total)
                row["mean"] = mean.quantize(Decimal("0.01"))
                row["computed"] = levels[_rounded(mean)]
                row["used_weight"] = total
        row["workplace"] = scores.get((Party.WORKPLACE, competency.name))
        rows.append(row)
    overall = None
    overall_mean = None
    results = [r["computed"].order for r in rows if r["computed"] is not None]
    if results and len(results) == len(rows):
        overall_mean = (Decimal(sum(results)) / len(results)).quantize(Decimal("0.01"))
        overall = levels[_rounded(overall_mean)]
    return {
        "framework": framework,
        "levels": levels,
        "rows": rows,
        "overall": overall,
        "overall_mean": overall_mean,
        "submitted": {a.party for a in finals},
        "method": setup.method,
        "weights": weights,
    }


class JudgementForm(forms.Form):
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    overall = forms.ChoiceField(label=gettext_lazy("Eindoordeel"))
    rationale = forms.CharField(
        label=gettext_lazy("Onderbouwing"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Verplicht als u beslist, als u afwijkt van de berekening of als u twee niveaus of meer afwijkt van de praktijkbegeleider."
        ),
    )

    def __init__(self, *args, basis, **kwargs):
        super().__init__(*args, **kwargs)
        self.basis = basis
        choices = [("", "—")] + [(str(level.pk), level.label) for level in basis["levels"]]
        self.fields["overall"].choices = choices
        self.fields["overall"].error_messages["invalid_choice"] = _("Dit niveau hoort niet bij deze schaal.")
        for row in basis["rows"]:
            c = row["competency"]
            self.fields[f"level_{c.pk}"] = forms.ChoiceField(
                label=c.name,
                choices=choices,
                error_messages={
                    "required": _("Kies een niveau voor '%(c)s'.") % {"c": c.name},
                    "invalid_choice": _("Dit niveau hoort niet bij deze schaal."),
                },
            )
            row["field"] = self[f"level_{c.pk}"]

    def clean(self):
        data = super().clean()
        known = {f"level_{r['competency'].pk}" for r in self.basis["rows"]}
        if any(key.startswith("level_") and key not in known for key in self.data):
            raise forms.ValidationError(
                _("Dit formulier bevat een competentie die niet op deze lijst staat.")
            )
        if self.errors:
            return data
        by_pk = {str(level.pk): level for level in self.basis["levels"]}
        reasons = []
        if self.basis["method"] == JudgementMethod.DECISION:
            reasons.append(_("u beslist zelf over het eindoordeel"))
        for row in self.basis["rows"]:
            chosen = by_pk[data[f"level_{row['competency'].pk}"]]
            if row["computed"] is not None and chosen.pk != row["computed"].pk:
                reasons.append(_("'%(c)s' wijkt af van de berekening") % {"c": row["competency"].name})
            if row["workplace"] is not None and abs(chosen.order - row["workplace"].order) >= BIG_DEPARTURE:
                reasons.append(
                    _("'%(c)s' wijkt twee niveaus of meer af van de praktijkbegeleider")
                    % {"c": row["competency"].name}
                )
        overall = by_pk[data["overall"]]
        if self.basis["overall"] is not None and overall.pk != self.basis["overall"].pk:
            reasons.append(_("het eindoordeel wijkt af van de berekening"))
        if reasons and not data.get("rationale", "").strip():
            self.add_error(
                "rationale",
                _("Schrijf een onderbouwing: %(why)s.") % {"why": "; ".join(str(r) for r in reasons)},
            )
        data["levels"] = {
            row["competency"].pk: by_pk[data[f"level_{row['competency'].pk}"]] for row in self.basis["rows"]
        }
        data["overall_level"] = overall
        return data


def initial_for(basis, current):
    initial = {"based_on": current.version if current else 0}
    if current is not None:
        initial["overall"] = str(current.overall_id)
        initial["rationale"] = current.rationale
        for js in current.scores.all():
            initial[f"level_{js.competency_id}"] = str(js.level_id)
    else:
        if basis["overall"] is not None:
            initial["overall"] = str(basis["overall"].pk)
        for row in basis["rows"]:
            if row["computed"] is not None:
                initial[f"level_{row['competency'].pk}"] = str(row["computed"].pk)
    return initial


def _computation(basis, levels):
    return {
        "method": basis["method"],
        "weights": basis["weights"],
        "overall_mean": str(basis["overall_mean"]) if basis["overall_mean"] is not None else None,
        "rows": [
            {
                "competency": r["competency"].name,
                "parties": {p["party"]: p["level"].label if p["level"] else None for p in r["parties"]},
                "mean": str(r["mean"]) if r["mean"] is not None else None,
                "computed": r["computed"].label if r["computed"] else None,
                "decided": levels[r["competency"].pk].label,
            }
            for r in basis["rows"]
        ],
    }


def record_judgement(placement, form, actor) -> FinalJudgement:
    data = form.cleaned_data
    return record_levels(
        placement,
        form.basis,
        levels=data["levels"],
        overall=data["overall_level"],
        rationale=data.get("rationale", ""),
        based_on=data["based_on"],
        actor=actor,
    )


def record_levels(placement, basis, *, levels, overall, rationale, based_on, actor) -> FinalJudgement:
    """Store a new version; ``based_on`` is the version the decider saw (0: none)."""
    try:
        with transaction.atomic():
            top = FinalJudgement.objects.filter(placement=placement).aggregate(v=Max("version"))["v"] or 0
            if top != based_on:
                raise JudgementConflictError
            FinalJudgement.objects.filter(placement=placement, is_current=True).update(is_current=False)
            # The unique (placement, version) settles a race between two submits of the same form.
            judgement = FinalJudgement.objects.create(
                placement=placement,
                version=top + 1,
                method=basis["method"],
                overall=overall,
                rationale=rationale,
                computation=_computation(basis, levels),
                decided_by=actor,
            )
            JudgementScore.objects.bulk_create(
                JudgementScore(judgement=judgement, competency_id=cid, level=level)
                for cid, level in levels.items()
            )
            record(
                placement,
                action="assessments:judgement",
                summary=line(
                    gettext_noop("Eindoordeel vastgelegd: %(l)s (versie %(v)s)"),
                    l=judgement.overall.label,
                    v=judgement.version,
                ),
                actor=actor,
            )
    except IntegrityError:
        raise JudgementConflictError from None
    return judgement
