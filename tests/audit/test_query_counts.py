"""The audit pages ask the database a fixed number of times, whatever the number of rows."""

import pytest

from audit.context import acting
from tests.factories.placements import PlacementFactory
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db


def test_the_trail_search_is_pinned(login, admin_user, coordinator, plan):
    def grow():
        for n in range(6):
            placement = PlacementFactory(plan=plan)
            with acting(user=coordinator.pk):
                placement.notes = f"wijziging {n}"
                placement.save()

    grow()
    assert_fixed_queries(login(admin_user), "/audit/?kind=placements.placement", grow)


def test_the_access_request_page_is_pinned(login, coordinator, student):
    from audit.models import ReadKind
    from audit.reads import record_read

    class Request:
        user = coordinator

    def grow():
        for _ in range(5):
            record_read(Request, student, ReadKind.ACCESS_REQUEST)

    grow()
    assert_fixed_queries(login(coordinator), f"/audit/access-request/student/{student.pk}/", grow)
