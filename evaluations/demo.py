"""Demo data for evaluations: every finished demo placement has been asked, and
most parties have answered, so the evaluation pages and figures are filled.
Idempotent: delivery makes each invitation once and answered ones are skipped."""

from datetime import timedelta

from evaluations import services
from evaluations.models import Audience, EvaluationInvitation, HostReview, QuestionKind
from evaluations.services_hosts import AlreadyReviewedError, review_host
from placements.models import Placement, PlacementState

DEMO_YEAR, LAST_YEAR = "2026-2027", "2025-2026"

OPEN_ANSWERS = [
    "Meer uitleg vooraf over de werktijden.",
    "Het eerste gesprek mocht eerder.",
    "Goed zo, vooral de opdrachten waren leuk.",
]


def _scores(seed):
    return [3 + (seed + i) % 3 for i in range(20)]  # 3, 4, 5 in turn


def answer_all(placements, skip_every=4):
    """Answer the open invitations of ``placements``; leave every ``skip_every``-th open."""
    invitations = (
        EvaluationInvitation.objects.open()
        .filter(placement__in=placements)
        .select_related("placement__school_supervisor", "form")
        .order_by("pk")
    )
    for n, invitation in enumerate(invitations):
        # Chosen by placement and audience, not by position, so a second seed leaves
        # the same ones open, and each audience keeps some open (a student's too).
        if skip_every and (invitation.placement_id + len(invitation.audience)) % skip_every == skip_every - 1:
            continue
        scores = iter(_scores(invitation.placement_id))
        answers = {}
        for question in invitation.form.questions.all():
            answers[question.pk] = (
                next(scores) if question.kind == QuestionKind.SCALE else OPEN_ANSWERS[n % len(OPEN_ANSWERS)]
            )
        user = invitation.user if invitation.audience == Audience.SCHOOL_SUPERVISOR else None
        try:
            services.submit(invitation, answers, user=user)
        except services.AlreadyAnsweredError:
            continue


WORKWEEK = [{"weekday": d, "start": "09:00", "end": "15:30", "break_minutes": 30} for d in range(5)]


def seed_last_year(core):
    """Last school year: each demo department's first plan, with its students'
    completed placements, so every dashboard figure has one to stand against."""
    from datetime import date

    from placements.models import Host, PlacementPlan, PlacementWorkplaceSupervisor, Student

    made = []
    for department in core.departments.values():
        plan = (
            PlacementPlan.objects.filter(department=department, copied_from__isnull=True)
            .order_by("school_year", "pk")
            .first()
        )
        if plan is None or plan.school_year != DEMO_YEAR:
            continue
        old, _created = PlacementPlan.objects.get_or_create(
            department=department,
            school_year=LAST_YEAR,
            title=plan.title,
            # Last year's plan was this one: every rule and legal part the same,
            # so its placements' agreements are as complete as this year's.
            defaults={
                f.name: getattr(plan, f.name)
                for f in PlacementPlan._meta.concrete_fields
                if f.name
                not in ("id", "department", "school_year", "title", "copied_from", "created_at", "updated_at")
            },
        )
        if plan.copied_from_id is None:
            PlacementPlan.objects.filter(pk=plan.pk).update(copied_from=old)
        hosts = list(Host.objects.filter(school_id=department.school_id).order_by("pk")[:3])
        students = list(Student.objects.filter(department=department).order_by("pk")[:5])
        supervisor = core.users.get("supervisor")
        for n, student in enumerate(students):
            if not hosts:
                break
            start = date(2026, 3, 2) + timedelta(days=7 * n)
            placement, _created = Placement.objects.get_or_create(
                plan=old,
                student=student,
                defaults={
                    "host": hosts[n % len(hosts)],
                    "school_supervisor": supervisor,
                    "start_date": start,
                    "end_date": start + timedelta(days=11),
                    "planned_hours": 60,
                    "state": PlacementState.COMPLETED if n % 4 else PlacementState.TERMINATED,
                    "terminated_on": None if n % 4 else start + timedelta(days=4),
                    "termination_reason": "" if n % 4 else "De leerling is verhuisd.",
                    "allowance_per_month": 50 if n % 2 else None,
                    "schedule": plan.default_schedule or WORKWEEK,
                    "activities": "Meewerken in de winkel: vakken vullen, klanten helpen, kassa.",
                },
            )
            mentor = placement.host.workplace_supervisors.order_by("pk").first()
            if _created and mentor is not None:
                PlacementWorkplaceSupervisor.objects.create(
                    placement=placement, workplace_supervisor=mentor, is_primary=True
                )
            made.append(placement)
    return made


def seed_history(core):
    """Runs before the other apps' demos (see seed_demo), so they seed last year too."""
    seed_last_year(core)


def seed(core):
    seed_last_year(core)  # already there: get_or_create makes nothing
    finished = list(
        Placement.objects.filter(
            plan__department__in=list(core.departments.values()),
            state__in=[PlacementState.COMPLETED, PlacementState.TERMINATED],
        ).select_related("student", "host", "plan__department", "school_supervisor")
    )
    for placement in finished:
        services.deliver(placement)
    answer_all(finished)
    review_hosts(finished)
    review_last_year(core)


def review_last_year(core):
    """Last year's plan was reviewed, with actions, and links to this year's plan."""
    from evaluations.models import PlanReview
    from evaluations.services_reviews import AlreadyReviewedError, record_review
    from placements.models import PlacementPlan

    coordinator = core.users.get("coordinator")
    for old in PlacementPlan.objects.filter(
        department__in=list(core.departments.values()), school_year=LAST_YEAR
    ):
        if PlanReview.objects.filter(plan=old).exists():
            continue
        try:
            record_review(
                old,
                findings="Vier op de vijf stages goed afgerond. Eén leerling stopte na verhuizing. "
                "Leerlingen missen uitleg over werktijden vooraf.",
                decisions="Voorbereidingsles over werktijden en veiligheid toevoegen aan het plan.",
                actions=[
                    {
                        "description": "Voorbereidingsles schrijven",
                        "owner": "Stagecoördinator",
                        "due_on": None,
                    },
                    {
                        "description": "Bedrijven met lage beoordeling bellen",
                        "owner": "Stagebegeleiders",
                        "due_on": None,
                    },
                ],
                actor=coordinator,
                copy_to=DEMO_YEAR,
            )
        except AlreadyReviewedError:
            continue


def review_hosts(placements):
    """Each finished placement's supervisor reviewed the host; the first host got
    two poor reviews, so its page shows the suggestion to mark it unsuitable."""
    poor_host = placements[0].host_id if placements else None
    for placement in placements:
        if placement.school_supervisor_id is None or HostReview.objects.filter(placement=placement).exists():
            continue
        poor = placement.host_id == poor_host
        data = {
            "learning_opportunities": 2 if poor else 4,
            "guidance": 2 if poor else 3 + placement.pk % 3,
            "safety": 2 if poor else 4,
            "would_place_again": not poor,
            "comment": "Weinig begeleiding, de leerling stond vaak alleen." if poor else "",
        }
        try:
            review_host(placement, data, placement.school_supervisor)
        except AlreadyReviewedError:
            continue
