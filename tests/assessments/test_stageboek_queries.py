"""The stageboek pages run a fixed number of queries, whatever the number of assignments and hand-ins."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assignment, HandIn
from tests.assessments.stageboek_helpers import stageboek_placement, student_link
from tests.querycount import assert_fixed_calls, assert_fixed_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    placement = stageboek_placement(department, supervisor)
    for a in Assignment.objects.filter(plan=placement.plan)[:2]:
        HandIn.objects.create(assignment=a, placement=placement, text="x", handed_in_at=timezone.now())
    return placement


def _grow(placement, supervisor):
    def grow():
        for n in range(12):
            a = Assignment.objects.create(plan=placement.plan, title=f"Extra {n}", order=100 + n)
            HandIn.objects.create(
                assignment=a,
                placement=placement,
                text="y",
                handed_in_at=timezone.now(),
                state=["handed_in", "sent_back", "done"][n % 3],
                feedback="z",
                reviewed_by=supervisor,
            )

    return grow


def test_the_stageboek_page_has_a_fixed_number_of_queries(login, supervisor, placement):
    client = login(supervisor)
    assert_fixed_queries(
        client, reverse("assessments:stageboek", args=[placement.pk]), _grow(placement, supervisor)
    )


def test_the_students_link_page_has_a_fixed_number_of_queries(client, supervisor, placement):
    url = student_link(placement)
    assert_fixed_queries(client, url, _grow(placement, supervisor))


def test_the_plan_list_has_a_fixed_number_of_queries(login, coordinator, supervisor, placement):
    client = login(coordinator)
    url = reverse("assessments:plan_assignments", args=[placement.plan_id])
    assert_fixed_queries(client, url, _grow(placement, supervisor))


def test_the_completion_line_has_a_fixed_number_of_queries(supervisor, placement):
    from assessments.stageboek import checklist_items

    assert_fixed_calls(lambda: checklist_items(placement), _grow(placement, supervisor))
