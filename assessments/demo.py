"""Demo data for assessments: the standard frameworks, a set-up on every demo
plan, and on the running and completed placements rounds that are open,
drafted and submitted. Idempotent: rows are keyed on (placement, round, party)
and a form that is no longer open is left alone."""

from django.apps import apps
from django.db.models import F
from django.utils import timezone

from assessments import standard
from assessments.judging import basis, record_levels
from assessments.models import Assessment, FinalJudgement, Score, Status
from assessments.opening import open_round
from assessments.presets import apply_default
from placements.models import Placement, PlacementPlan

TOPS = "Komt afspraken na en is vriendelijk tegen klanten."
TIPS = "Vaker zelf vragen stellen als iets niet duidelijk is."
RATIONALE = (
    "Besproken in het eindgesprek met de leerling en de praktijkbegeleider. Het oordeel van de "
    "praktijkbegeleider en mijn eigen waarnemingen bij de bezoeken komen overeen."
)


def seed(core):
    standard.install(lambda model: apps.get_model("assessments", model))
    plans = PlacementPlan.objects.filter(department__in=list(core.departments.values()))
    for plan in plans:
        apply_default(plan)
    placements = (
        Placement.objects.filter(plan__in=plans, state__in=["active", "completed"])
        .select_related("plan__assessment_setup", "student", "host", "plan__department")
        .order_by("pk")
    )
    today = timezone.localdate()
    for i, placement in enumerate(placements):
        for rnd in placement.plan.assessment_setup.rounds.all():
            if (
                rnd.date_for(placement.start_date, placement.end_date) <= today
                or placement.state == "completed"
            ):
                open_round(placement, rnd)
        for j, assessment in enumerate(
            Assessment.objects.filter(placement=placement, status=Status.OPEN).select_related(
                "framework__scale"
            )
        ):
            # Variety: most forms are submitted, some drafted, a few left open.
            step = (i + j) % 4
            if placement.state == "completed" or step in (0, 1):
                _fill(assessment, i + j, submit=True)
            elif step == 2:
                _fill(assessment, i + j, submit=False)
        if placement.state == "completed" and placement.school_supervisor_id:
            _judge(placement)


def _judge(placement):
    """A final judgement with its rationale on each completed placement, once."""
    if FinalJudgement.objects.filter(placement=placement).exists():
        return
    setup = placement.plan.assessment_setup
    found = basis(placement, setup)
    if not found["rows"]:
        return
    middle = found["levels"][min(1, len(found["levels"]) - 1)]
    levels = {r["competency"].pk: r["computed"] or r["workplace"] or middle for r in found["rows"]}
    record_levels(
        placement,
        found,
        levels=levels,
        overall=found["overall"] or middle,
        rationale=RATIONALE,
        based_on=0,
        actor=placement.school_supervisor,
    )


def _fill(assessment, seed, submit):
    levels = list(assessment.framework.scale.levels.all())
    competencies = list(assessment.framework.competencies.all())
    Score.objects.bulk_create(
        Score(assessment=assessment, competency=c, level=levels[min(len(levels) - 1, 1 + (seed + k) % 2)])
        for k, c in enumerate(competencies if submit else competencies[:3])
    )
    values = {"tops": TOPS, "tips": TIPS, "revision": F("revision") + 1}
    if submit:
        values.update(status=Status.SUBMITTED, submitted_at=timezone.now(), submitted_by_label="demo")
    else:
        values["status"] = Status.DRAFT
    Assessment.objects.filter(pk=assessment.pk, status=Status.OPEN).update(**values)
