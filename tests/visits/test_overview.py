"""The coordinator's chase list per supervisor."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.visits import VisitFactory
from tests.querycount import assert_fixed_queries
from tests.visits.conftest import running_placement

pytestmark = pytest.mark.django_db
URL = reverse("visits:overview")


def test_the_coordinator_sees_overdue_moments_per_supervisor(
    login, coordinator, placement, other_placement, supervisor
):
    today = timezone.localdate()
    VisitFactory(placement=placement, planned_on=today - timedelta(days=4))
    VisitFactory(placement=placement, planned_on=today - timedelta(days=2))
    VisitFactory(placement=other_placement, planned_on=today + timedelta(days=2))
    rows = login(coordinator).get(URL).context["rows"]
    assert rows[0]["placement__school_supervisor__email"] == supervisor.email
    assert (rows[0]["overdue"], rows[0]["oldest_overdue"]) == (2, today - timedelta(days=4))
    assert rows[1]["planned"] == 1


def test_a_coordinator_elsewhere_sees_nothing_of_ours(login, outsider, placement):
    VisitFactory(placement=placement, planned_on=timezone.localdate() - timedelta(days=1))
    assert login(outsider).get(URL).context["rows"] == []


@pytest.mark.parametrize("persona", ["supervisor", "leader", "mentor"])
def test_only_coordinators_open_the_overview(login, request, persona):
    assert login(request.getfixturevalue(persona)).get(URL).status_code == 403


def test_the_overview_runs_fixed_queries(login, coordinator, department, supervisor):
    VisitFactory(placement=running_placement(department, supervisor))

    def grow():
        for _ in range(10):
            VisitFactory(placement=running_placement(department, supervisor))

    assert_fixed_queries(login(coordinator), URL, grow)
