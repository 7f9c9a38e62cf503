"""Menu entries and the coordinator's start-page panel for placements."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stagebeheer.navigation import HomePanel, NavItem

STAFF = frozenset({"coordinator", "leader", "supervisor", "mentor"})

NAV_ITEMS = [
    NavItem(
        _("Overzicht"),
        "placements:overview",
        frozenset({"coordinator", "leader", "supervisor", "mentor"}),
        10,
    ),
    NavItem(_("Stageplannen"), "placements:plan_list", STAFF, 20),
    NavItem(_("Leerlingen"), "placements:student_list", STAFF, 30),
    NavItem(_("Stagebedrijven"), "placements:host_list", STAFF, 40),
    NavItem(_("Capaciteit"), "placements:capacity", frozenset({"coordinator", "leader"}), 45),
]


def current_school_year(today=None) -> str:
    today = today or timezone.localdate()
    first = today.year if today.month >= 8 else today.year - 1
    return f"{first}-{first + 1}"


def attention(request):
    """Per plan of this school year: students without a placement (the chase
    list), placements without a signed agreement, without a supervisor. A fixed
    number of queries: one for the plans, one aggregate per plan kept small by
    listing at most eight plans."""
    from placements.models import PlacementPlan
    from placements.views.overview import summaries, with_student_totals

    plans = list(
        with_student_totals(PlacementPlan.objects.editable_by(request.user), request.user)
        .filter(school_year=current_school_year())
        .select_related("department")
        .order_by("department__name", "title")[:8]
    )
    if not plans:
        return None
    numbers = summaries(plans, request.user)
    rows = [{"plan": plan, **numbers[plan.pk]} for plan in plans]
    return {"rows": rows, "year": current_school_year()}


HOME_PANELS = [HomePanel("coordinator", "placements/panels/home_attention.html", attention, order=10)]


def mentees(request):
    """A mentor reads the placements of own mentees: one query, newest first."""
    from placements.models import Placement, PlacementState

    placements = list(
        Placement.objects.visible_to(request.user)
        .filter(student__mentor=request.user)
        .exclude(state=PlacementState.TERMINATED)
        .select_related("student", "host")
        .order_by("student__last_name", "student__first_name", "-start_date")[:30]
    )
    return {"placements": placements}


HOME_PANELS.append(HomePanel("mentor", "placements/panels/home_mentees.html", mentees, order=10))
