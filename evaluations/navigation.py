from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from evaluations.dashboard import placement_counts
from evaluations.models import EvaluationInvitation, HostReview
from placements.models import Placement, PlacementState
from stagebeheer.navigation import HomePanel, NavItem, Panel


def _leader_panel(request):
    return {
        "title": _("Stages per afdeling"),
        "states": PlacementState.choices,
        "rows": sorted(placement_counts(request.user).items()),
    }


def _to_answer_panel(request):
    """Staff evaluations still to fill in: the supervisor's own, the coordinator's per placement."""
    open_ = (
        EvaluationInvitation.objects.answerable_by(request.user)
        .open()
        .select_related("placement__student", "placement__host")
        .order_by("sent_at", "pk")
    )
    rows = list(open_[:8])
    reviews = list(
        Placement.objects.supervised_by(request.user)
        .filter(state__in=[PlacementState.COMPLETED, PlacementState.TERMINATED], host_review__isnull=True)
        .filter(school_supervisor=request.user)
        .select_related("student", "host")
        .order_by("-end_date")[:5]
    )
    if not rows and not reviews:
        return None
    return {"rows": rows, "more": len(rows) == 8, "reviews": reviews}


NAV_ITEMS = [
    NavItem(_("Dashboard"), "evaluations:dashboard", frozenset({"leader", "coordinator"}), order=60),
]

HOME_PANELS = [
    HomePanel("leader", "evaluations/_leader_panel.html", _leader_panel, order=10),
    HomePanel("supervisor", "evaluations/panels/home_to_answer.html", _to_answer_panel, order=40),
    HomePanel("coordinator", "evaluations/panels/home_to_answer.html", _to_answer_panel, order=40),
]


def _placement_panel(request, placement):
    if not isinstance(placement, Placement):
        return None
    invitations = list(
        EvaluationInvitation.objects.visible_to(request.user).filter(placement=placement).order_by("audience")
    )
    if not invitations:
        return None
    # The host review's date and whether this user may write one, in one query.
    facts = (
        Placement.objects.filter(pk=placement.pk)
        .values(
            reviewed_at=Subquery(
                HostReview.objects.filter(placement_id=OuterRef("pk"))
                .order_by("-created_at")
                .values("created_at")[:1]
            ),
            may_review=Exists(Placement.objects.supervised_by(request.user).filter(pk=OuterRef("pk"))),
        )
        .get()
    )
    return {
        "invitations": invitations,
        "review": {"created_at": facts["reviewed_at"]} if facts["reviewed_at"] else None,
        "may_review": facts["may_review"],
        "review_url": reverse("evaluations:host_review", args=[placement.pk]),
        "answered": sum(1 for i in invitations if i.completed_at),
        "url": reverse("evaluations:placement", args=[placement.pk]),
    }


def _host_panel(request, host):
    from evaluations.views.hosts import host_panel_context

    return host_panel_context(request, host)


def _plan_panel(request, plan):
    from evaluations.views.dossiers import may_fetch
    from evaluations.views.reviews import may_review, reviews_for_plan

    return {
        "plan": plan,
        "url": reverse("evaluations:plan_forms", args=[plan.pk]),
        "reviews": reviews_for_plan(plan),
        "may_review": may_review(request.user, plan),
        "review_url": reverse("evaluations:review_create", args=[plan.pk]),
        "dossier_url": reverse("evaluations:dossier", args=[plan.pk])
        if may_fetch(request.user, plan)
        else "",
    }


PANELS = [
    Panel("placement_detail", "evaluations/panels/placement.html", _placement_panel, order=50),
    Panel("plan_detail", "evaluations/panels/plan.html", _plan_panel, order=50),
    Panel("host_detail", "evaluations/panels/host.html", _host_panel, order=50),
]
