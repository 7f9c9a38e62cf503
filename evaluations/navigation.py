from django.utils.translation import gettext_lazy as _

from evaluations.dashboard import placement_counts
from placements.models import PlacementState
from stagebeheer.navigation import HomePanel


def _leader_panel(request):
    return {
        "title": _("Stages per afdeling"),
        "states": PlacementState.choices,
        "rows": sorted(placement_counts(request.user).items()),
    }


HOME_PANELS = [HomePanel("leader", "evaluations/_leader_panel.html", _leader_panel, order=10)]
