"""What the assessments give the evaluations app: dashboard figures and the dossier page.

Registered in AssessmentsConfig.ready through evaluations.hooks, so evaluations needs
none of this app's models."""

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import translation

from assessments import filling
from assessments.models import Assessment, FinalJudgement, Party, Status


def figures(department_ids, years) -> dict:
    """Per school year: submitted assessments per party and current final judgements per level
    ({} when there are none). Two grouped queries, whatever the number of placements."""
    data = {year: {"rounds": {}, "judgements": {}} for year in years}
    submitted = (
        Assessment.objects.filter(
            status=Status.SUBMITTED,
            placement__plan__department_id__in=department_ids,
            placement__plan__school_year__in=years,
        )
        .values("placement__plan__school_year", "party")
        .annotate(n=Count("pk"))
        .order_by()
    )
    labels = dict(Party.choices)
    for row in submitted:
        label = str(labels.get(row["party"], row["party"]))
        data[row["placement__plan__school_year"]]["rounds"][label] = row["n"]
    judged = (
        FinalJudgement.objects.filter(
            is_current=True,
            placement__plan__department_id__in=department_ids,
            placement__plan__school_year__in=years,
        )
        .values("placement__plan__school_year", "overall__label")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in judged:
        judgements = data[row["placement__plan__school_year"]]["judgements"]
        judgements[row["overall__label"]] = judgements.get(row["overall__label"], 0) + row["n"]
    # Nothing counted at all: the dashboard says so instead of a table of zeros.
    return data if any(d["rounds"] or d["judgements"] for d in data.values()) else {}


def dossier_page(placement) -> bytes | None:
    """The placement's submitted assessments and final judgement as one HTML page (None: none)."""
    assessments = list(
        Assessment.objects.filter(placement=placement, status=Status.SUBMITTED)
        .select_related("round", "framework__scale", "submitted_by")
        .prefetch_related("scores__level")
        .order_by("due_on", "round_id", "party")
    )
    judgement = (
        FinalJudgement.objects.filter(placement=placement, is_current=True)
        .select_related("overall", "decided_by")
        .first()
    )
    if not assessments and judgement is None:
        return None
    sections = []
    for assessment in assessments:
        _levels, competencies = filling.form_context(assessment.framework, assessment.party)
        scores = {s.competency_id: s for s in assessment.scores.all()}
        sections.append({"assessment": assessment, "rows": [(c, scores.get(c.pk)) for c in competencies]})
    with translation.override("nl"):
        return render_to_string(
            "assessments/dossier.html",
            {"placement": placement, "sections": sections, "judgement": judgement},
        ).encode()
