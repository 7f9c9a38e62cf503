"""Demo data for assessments: the standard frameworks, a set-up on every demo
plan, and on the running and completed placements rounds that are open,
drafted and submitted, and the stageboek (see seed_stageboek). Idempotent: rows are keyed on (placement, round, party)
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
        rounds = list(placement.plan.assessment_setup.rounds.all())
        due = [r for r in rounds if r.date_for(placement.start_date, placement.end_date) <= today]
        if placement.state == "completed":
            due = rounds
        # A running stage whose first round is not due yet still shows one open round.
        # Without mail: hundreds of demo mails would only fill the outbox (and
        # keep the browser tests' worker busy); the coordinator resends a form.
        for rnd in due or rounds[:1]:
            open_round(placement, rnd, send=False)
        for j, assessment in enumerate(
            Assessment.objects.filter(placement=placement, status=Status.OPEN).select_related(
                "framework__scale"
            )
        ):
            # Variety: every third running placement keeps its forms open, one in
            # three has drafts, the rest and every completed one are submitted.
            if placement.state == "completed" or i % 3 == 2:
                _fill(assessment, i + j, submit=True)
            elif i % 3 == 1:
                _fill(assessment, i + j, submit=False)
        if placement.state == "completed" and placement.school_supervisor_id:
            _judge(placement)
    seed_stageboek(plans, placements)


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


# --- the stageboek ------------------------------------------------------------------

HANDIN_TEXT = (
    "Deze week heb ik de kassa gedaan en vakken gevuld. Ik vond het lastig om klanten aan te spreken."
)
FEEDBACK_BACK = "Goed begin. Schrijf ook wat je de volgende keer anders doet."
FEEDBACK_DONE = "Mooi verslag, duidelijk geschreven."


def seed_stageboek(plans, placements):
    """The default assignments on every demo plan; on running placements hand-ins
    in every state (open, handed in, sent back, done); on completed ones all done
    and a final presentation. Keyed on (assignment, placement): a second run adds nothing."""
    from decimal import Decimal

    from assessments import stageboek
    from assessments.models import Assignment, FinalPresentation, HandIn, HandInState

    for plan in plans:
        stageboek.add_defaults(plan)
    by_plan = {}
    for assignment in Assignment.objects.filter(plan__in=plans).order_by("order", "pk"):
        by_plan.setdefault(assignment.plan_id, []).append(assignment)
    now = timezone.now()
    states = [HandInState.DONE, HandInState.SENT_BACK, HandInState.HANDED_IN]
    for i, placement in enumerate(placements):
        for j, assignment in enumerate(by_plan.get(placement.plan_id, [])):
            if placement.state == "completed":
                state = HandInState.DONE
            elif j >= 3:
                continue  # the later assignments stay open
            else:
                state = states[(i + j) % 3]
            owner_id, partner_id = stageboek.owner_of(assignment, placement)
            HandIn.objects.get_or_create(
                assignment=assignment,
                placement_id=owner_id,
                defaults={
                    "partner_id": partner_id,
                    "state": state,
                    "text": HANDIN_TEXT,
                    "handed_in_at": now,
                    "handed_in_by_label": placement.student.full_name,
                    "feedback": {HandInState.DONE: FEEDBACK_DONE, HandInState.SENT_BACK: FEEDBACK_BACK}.get(
                        state, ""
                    ),
                    "reviewed_at": None if state == HandInState.HANDED_IN else now,
                    "reviewed_by_id": None
                    if state == HandInState.HANDED_IN
                    else placement.school_supervisor_id,
                },
            )
        if placement.state == "completed":
            FinalPresentation.objects.get_or_create(
                placement=placement,
                defaults={
                    "held_on": placement.end_date,
                    "grade": Decimal("7.5") if i % 2 else Decimal("6.8"),
                    "comment": "Duidelijk verteld wat het bedrijf doet; goed contact met de zaal.",
                    "recorded_by_id": placement.school_supervisor_id,
                },
            )
