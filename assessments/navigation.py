"""The assessments app's menu entries and its sections on other apps' pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assessments.describe import describe
from assessments.models import PlanAssessmentSetup
from stagebeheer.navigation import NavItem, Panel
from stagebeheer.scoping import has_role

NAV_ITEMS = [
    NavItem(_("Competentielijsten"), "assessments:framework_list", frozenset({"coordinator"}), order=60),
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


PANELS = [
    Panel("plan_detail", "assessments/panels/plan.html", _plan_panel, order=40),
]
