"""The visits app's menu entries, start-page panels and sections on other apps' pages."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placements.models import Placement
from stagebeheer.counting import count_of
from stagebeheer.models import User
from stagebeheer.navigation import HomePanel, LinkAction, NavItem, Panel
from stagebeheer.permissions import has_role, may_see_concerns
from visits.guide import sections_for
from visits.models import Concern, ConcernStatus, PlanGuide, Visit, VisitStatus

NAV_ITEMS = [
    NavItem(_("Agenda"), "visits:agenda", frozenset({"supervisor"}), order=20),
    NavItem(_("Begeleiding"), "visits:overview", frozenset({"coordinator"}), order=35),
    # Concerns are sensitive: coordinators and supervisors only, never leaders or mentors.
    NavItem(_("Zorgmeldingen"), "visits:concern_list", frozenset({"supervisor", "coordinator"}), order=40),
]

LINK_ACTIONS = [
    LinkAction(_("Een zorg melden"), "report-concern", order=10),
    LinkAction(_("Handreiking voor praktijkbegeleiders"), "guide", order=20),
]


def _agenda_panel(request):
    """This week's moments and the overdue ones, overdue first."""
    from visits.views.agenda import agenda_queryset

    today = timezone.localdate()
    end_of_week = today + timedelta(days=6 - today.weekday())
    moments = list(agenda_queryset(request.user).filter(planned_on__lte=end_of_week)[:12])
    return {
        "moments": moments,
        "today": today,
        "overdue": sum(1 for m in moments if m.planned_on < today),
    }


def _coordinator_panel(request):
    """Counts only: overdue moments and open concerns in the coordinator's departments."""
    today = timezone.localdate()
    overdue = (
        Visit.objects.visible_to(request.user).open().filter(planned_on__lt=today, placement__state="active")
    )
    open_concerns = Concern.objects.visible_to(request.user).exclude(status=ConcernStatus.CLOSED)
    # Both counts in one query: two scalar subqueries on the user's own row.
    return (
        User.objects.filter(pk=request.user.pk)
        .values(overdue=count_of(overdue), open_concerns=count_of(open_concerns))
        .get()
    )


HOME_PANELS = [
    HomePanel("supervisor", "visits/panels/home_agenda.html", _agenda_panel, order=10),
    HomePanel("coordinator", "visits/panels/home_coordinator.html", _coordinator_panel, order=30),
]


def _placement_panel(request, placement):
    if not isinstance(placement, Placement):
        return None
    moments = list(
        Visit.objects.visible_to(request.user).filter(placement=placement).order_by("planned_on", "pk")[:20]
    )
    concerns = None
    if may_see_concerns(request.user):
        concerns = (
            Concern.objects.visible_to(request.user)
            .filter(placement=placement)
            .aggregate(total=Count("pk"), open=Count("pk", filter=~Q(status=ConcernStatus.CLOSED)))
        )
    may_guide = placement.school_supervisor_id == request.user.pk or has_role(
        request.user, "coordinator", placement.plan.department_id
    )
    return {
        "placement": placement,
        "moments": moments,
        "today": timezone.localdate(),
        "concerns": concerns,
        "may_guide": may_guide,
        "done": sum(1 for m in moments if m.status == VisitStatus.DONE),
        "url": reverse("visits:placement_visits", args=[placement.pk]),
    }


def _plan_panel(request, plan):
    guide = PlanGuide.objects.filter(plan_id=plan.pk).first()
    return {
        "plan": plan,
        "rules": list(plan.contact_moment_rules.all()),
        "has_guide": guide is not None,
        "guide_sections": sections_for(guide),
        "may_edit": has_role(request.user, "coordinator", plan.department_id),
        "url": reverse("visits:plan_rules", args=[plan.pk]),
    }


PANELS = [
    Panel("placement_detail", "visits/panels/placement.html", _placement_panel, order=30),
    Panel("plan_detail", "visits/panels/plan.html", _plan_panel, order=30),
]
