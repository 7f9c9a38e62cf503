"""Demo data for visits: rules and a guide per demo plan, logged, planned and
overdue contact moments, and a few concerns. Works on whatever running or
completed placements the placements demo made; does nothing when there are none.
Idempotent: a placement that already has a logged visit is left alone."""

from datetime import timedelta

from django.utils import timezone

from placements.models import Placement, PlacementPlan
from visits.guide import DEFAULTS
from visits.models import AgreedAction, Concern, PlanGuide, Visit, VisitStatus, WorkplaceInput
from visits.presets import PRESET_FOR_KIND
from visits.services import apply_preset, plan_moments

LOGS = [
    dict(
        learning_moments="Hielp zelfstandig een klant bij de kassa en legde het retourbeleid goed uit.",
        learning_potential="Kan ook de weekbestelling leren doen; de werkplek biedt daar ruimte voor.",
        workplace_judgement="Betrokken en vriendelijk, moet nog leren vragen te stellen als iets niet duidelijk is.",
        guidance_showing=True,
        guidance_drawing_in=True,
        guidance_examples="De praktijkbegeleider deed het afrekenen voor en liet het daarna samen doen.",
    ),
    dict(
        learning_moments="Heeft een hele ochtend zelf de ontvangst gedaan.",
        learning_potential="Veel klantcontact; weinig variatie in taken.",
        workplace_judgement="Werkt netjes en op tijd.",
        guidance_drawing_in=True,
        guidance_entrusting=True,
        guidance_examples="Kreeg de verantwoordelijkheid voor het opruimen van het magazijn.",
    ),
]

CONCERNS = [
    dict(
        kind="misuse_hours",
        severity="medium",
        reporter_role="student",
        description="De leerling moest twee keer tot 20:00 blijven, na de afgesproken tijd.",
        actions="Gebeld met de praktijkbegeleider; tijden opnieuw afgesproken.",
        status="in_progress",
    ),
    dict(
        kind="social_unsafety",
        severity="high",
        reporter_role="staff",
        description="Een collega maakte herhaaldelijk kwetsende opmerkingen.",
        actions="Gesprek met de leidinggevende gevoerd.",
        status="closed",
        outcome="resolved",
    ),
]


def seed(core):
    departments = list(core.departments.values())
    plans = list(PlacementPlan.objects.filter(department__in=departments))
    for plan in plans:
        if not plan.contact_moment_rules.exists():
            apply_preset(plan, PRESET_FOR_KIND.get(plan.kind, "vmbo_block"))
        PlanGuide.objects.get_or_create(plan=plan, defaults={k: str(v) for k, v in DEFAULTS.items()})
    placements = (
        Placement.objects.filter(plan__in=plans, state__in=["active", "completed"])
        .select_related("plan", "school_supervisor")
        .order_by("pk")
    )
    today = timezone.localdate()
    for i, placement in enumerate(placements):
        plan_moments(placement)
        if Visit.objects.filter(placement=placement, status=VisitStatus.DONE).exists():
            continue
        _log_past_moments(placement, i, today)
        if i % 3 == 1:
            spec = dict(CONCERNS[(i // 3) % len(CONCERNS)])
            Concern.objects.get_or_create(
                placement=placement,
                kind=spec.pop("kind"),
                defaults={
                    **spec,
                    "department": placement.plan.department,
                    "occurred_on": max(placement.start_date, today - timedelta(days=5)),
                    "closed_on": today if spec.get("status") == "closed" else None,
                },
            )


def _log_past_moments(placement, i, today):
    past = list(
        Visit.objects.filter(placement=placement, status=VisitStatus.PLANNED, planned_on__lt=today).order_by(
            "planned_on"
        )
    )
    for j, visit in enumerate(past):
        # Every third running placement keeps its latest past moment open: overdue.
        if placement.state == "active" and i % 3 == 0 and j == len(past) - 1:
            continue
        for key, value in LOGS[(i + j) % len(LOGS)].items():
            setattr(visit, key, value)
        visit.status = VisitStatus.DONE
        visit.held_on = visit.planned_on
        visit.logged_by = placement.school_supervisor
        visit.logged_at = timezone.now()
        visit.save()
        AgreedAction.objects.get_or_create(
            visit=visit,
            description="Vragen stellen als iets niet duidelijk is",
            defaults={"owner": "student", "due_on": visit.planned_on + timedelta(days=14)},
        )
    upcoming = (
        Visit.objects.filter(placement=placement, status=VisitStatus.PLANNED, planned_on__gte=today)
        .exclude(purpose="introduction")
        .order_by("planned_on")
        .first()
    )
    if upcoming is not None and i % 2 == 0:
        WorkplaceInput.objects.get_or_create(
            visit=upcoming,
            defaults={
                "judgement": "Gaat goed; is gemotiveerd en leert snel.",
                "going_well": "Klantcontact, op tijd komen.",
                "to_improve": "Zelf initiatief nemen.",
                "topics": "Welke taken kan hij of zij zelfstandig gaan doen?",
                "submitted_by": "praktijkbegeleider",
            },
        )
