"""Links between the visits pages and the placements app. Who may do what is
stagebeheer.permissions; the names are re-exported for older imports."""

from django.urls import NoReverseMatch, reverse

from stagebeheer.permissions import (  # noqa: F401
    concern_for,
    may_see_concerns,
    placement_for_guiding,
    placement_for_reading,
    plan_for_editing,
    require_any_role,
    require_concern_reader,
    visit_for_guiding,
    visit_for_reading,
)


def placement_page_url(placement_id):
    """The placements app's page when it exists; our own list otherwise."""
    try:
        return reverse("placements:placement_detail", args=[placement_id])
    except NoReverseMatch:
        return reverse("visits:placement_visits", args=[placement_id])


def plan_page_url(plan_id):
    try:
        return reverse("placements:plan_detail", args=[plan_id])
    except NoReverseMatch:
        return None
