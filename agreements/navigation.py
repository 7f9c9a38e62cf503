from django.utils.translation import gettext_lazy as _

from agreements import panels
from stagebeheer.navigation import HomePanel, NavItem, Panel

NAV_ITEMS = [
    NavItem(_("Overeenkomsten"), "agreements:overview", frozenset({"coordinator", "leader"}), order=30),
]

HOME_PANELS = [
    HomePanel("coordinator", "agreements/panels/home_waiting.html", panels.coordinator_home, order=20),
]

PANELS = [
    Panel("placement_detail", "agreements/panels/placement.html", panels.placement_panel, order=20),
    Panel("plan_detail", "agreements/panels/plan.html", panels.plan_panel, order=40),
    Panel("placement_form", "agreements/panels/edit_warning.html", panels.edit_warning, order=10),
]
