"""Opening a concern or a student's support needs leaves a record; the history page shows it."""

import pytest

from audit.models import ReadEvent, ReadKind
from tests.factories.visits import ConcernFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def concern(placement):
    return ConcernFactory(placement=placement, department=placement.plan.department)


def test_opening_a_concern_records_who_read_it(login, supervisor, concern):
    assert login(supervisor).get(f"/visits/concerns/{concern.pk}/").status_code == 200
    [read] = ReadEvent.objects.all()
    assert (read.user, read.kind, read.object_id) == (supervisor, ReadKind.CONCERN, concern.pk)


def test_a_concern_that_may_not_be_read_is_not_recorded(login, leader, other_supervisor, concern):
    assert login(leader).get(f"/visits/concerns/{concern.pk}/").status_code == 403
    assert login(other_supervisor).get(f"/visits/concerns/{concern.pk}/").status_code == 404
    assert not ReadEvent.objects.exists()


def test_viewing_support_needs_is_recorded_but_not_for_who_cannot_see_them(
    login, coordinator, mentor, student
):
    assert login(mentor).get(f"/leerlingen/{student.pk}/").status_code == 200
    assert not ReadEvent.objects.exists()
    assert login(coordinator).get(f"/leerlingen/{student.pk}/").status_code == 200
    [read] = ReadEvent.objects.all()
    assert (read.user, read.kind, read.department_id) == (
        coordinator,
        ReadKind.SUPPORT_NEEDS,
        student.department_id,
    )


def test_the_coordinator_sees_who_read_the_concern_on_its_history_page(
    login, supervisor, coordinator, concern
):
    login(supervisor).get(f"/visits/concerns/{concern.pk}/")
    response = login(coordinator).get(f"/audit/geschiedenis/visits.concern/{concern.pk}/")
    text = response.content.decode()
    assert "Sam Begeleider · zorgmelding geopend" in text


def test_the_concern_page_links_to_its_history_for_the_coordinator_only(
    login, coordinator, supervisor, concern
):
    link = f"/audit/geschiedenis/visits.concern/{concern.pk}/"
    assert link in login(coordinator).get(f"/visits/concerns/{concern.pk}/").content.decode()
    assert link not in login(supervisor).get(f"/visits/concerns/{concern.pk}/").content.decode()
