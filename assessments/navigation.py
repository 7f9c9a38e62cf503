"""The assessments app's menu entries and its sections on other apps' pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assessments.describe import describe
from assessments.models import Assessment, PlanAssessmentSetup
from stagebeheer.navigation import HomePanel, NavItem, Panel
from stagebeheer.scoping import has_role

NAV_ITEMS = [
    NavItem(_("Beoordelingen"), "assessments:open_forms", frozenset({"coordinator", "supervisor"}), order=55),
    NavItem(_("Competentielijsten"), "assessments:framework_list", frozenset({"coordinator"}), order=60),
]


def _coordinator_panel(request):
    """Counts only: open forms, and those open more than 5 days."""
    from datetime import timedelta

    from django.db.models import Count, Q
    from django.utils import timezone

    counts = (
        Assessment.objects.visible_to(request.user)
        .open()
        .filter(placement__state="active")
        .aggregate(
            open=Count("pk"), late=Count("pk", filter=Q(opened_at__lte=timezone.now() - timedelta(days=5)))
        )
    )
    return counts


def _supervisor_panel(request):
    """The supervisor's placements whose final forms are in and that await the final judgement."""
    from placements.models import Placement

    waiting = (
        Placement.objects.filter(school_supervisor=request.user, state="active")
        .filter(
            assessments__round__kind="final", assessments__status="submitted", assessments__party="workplace"
        )
        .exclude(final_judgements__is_current=True)
        .select_related("student")
        .distinct()
        .order_by("end_date")[:10]
    )
    waiting = list(waiting)
    return {"waiting": waiting} if waiting else None


def _handins_panel(request):
    """Hand-ins that wait for this supervisor, oldest first; one query."""
    from assessments.models import HandIn, HandInState

    waiting = list(
        HandIn.objects.filter(state=HandInState.HANDED_IN, placement__school_supervisor=request.user)
        .select_related("placement__student", "assignment")
        .order_by("handed_in_at")[:10]
    )
    return {"waiting": waiting} if waiting else None


HOME_PANELS = [
    HomePanel("coordinator", "assessments/panels/home_coordinator.html", _coordinator_panel, order=40),
    HomePanel("supervisor", "assessments/panels/home_supervisor.html", _supervisor_panel, order=40),
    HomePanel("supervisor", "assessments/panels/home_handins.html", _handins_panel, order=41),
]


def _plan_panel(request, plan):
    setup = PlanAssessmentSetup.objects.filter(plan_id=plan.pk).select_related("framework__scale").first()
    rounds = list(setup.rounds.all()) if setup else []
    return {
        "plan": plan,
        "setup": setup,
        "lines": describe(setup, rounds),
        "may_edit": has_role(request.user, "coordinator", plan.department_id),
        "url": reverse("assessments:plan_setup", args=[plan.pk]),
    }


def _stageboek_rows(placement):
    """The stageboek rows, read once for both panels of the placement page."""
    from assessments import stageboek

    if not hasattr(placement, "_stageboek_rows"):
        placement._stageboek_rows = stageboek.rows(placement)
    return placement._stageboek_rows


def _placement_panel(request, placement):
    from placements.models import Placement

    if not isinstance(placement, Placement):
        return None
    from assessments.completion import Loaded, checklist, load_setup

    setup = load_setup(placement.plan_id)
    rounds = list(setup.rounds.all()) if setup else []
    assessments = list(Assessment.objects.filter(placement_id=placement.pk))
    forms = {}
    for assessment in assessments:
        forms.setdefault(assessment.round_id, []).append(assessment)
    loaded = Loaded(setup, assessments, _stageboek_rows(placement))

    return {
        "checklist": checklist(placement, loaded) if placement.state == "active" else [],
        "may_complete": placement.state == "active"
        and has_role(request.user, "coordinator", placement.plan.department_id),
        "complete_url": reverse("assessments:complete", args=[placement.pk]),
        "has_setup": bool(rounds),
        "rounds": [(rnd, forms.get(rnd.pk, [])) for rnd in rounds],
        "url": reverse("assessments:placement_assessments", args=[placement.pk]),
        "compare_url": reverse("assessments:compare", args=[placement.pk]),
    }


def _stageboek_panel(request, placement):
    from assessments.models import FinalPresentation
    from placements.models import Placement

    if not isinstance(placement, Placement):
        return None
    return {
        "rows": _stageboek_rows(placement),
        "presentation": FinalPresentation.objects.filter(placement_id=placement.pk)
        .select_related("level")
        .first(),
        "url": reverse("assessments:stageboek", args=[placement.pk]),
    }


def _plan_stageboek_panel(request, plan):
    from assessments.models import Assignment

    return {
        "titles": list(Assignment.objects.filter(plan_id=plan.pk).values_list("title", flat=True)),
        "may_edit": has_role(request.user, "coordinator", plan.department_id),
        "url": reverse("assessments:plan_assignments", args=[plan.pk]),
    }


PANELS = [
    Panel("placement_detail", "assessments/panels/placement.html", _placement_panel, order=40),
    Panel("plan_detail", "assessments/panels/plan.html", _plan_panel, order=40),
    Panel("placement_detail", "assessments/panels/stageboek.html", _stageboek_panel, order=45),
    Panel("plan_detail", "assessments/panels/plan_stageboek.html", _plan_stageboek_panel, order=45),
]
