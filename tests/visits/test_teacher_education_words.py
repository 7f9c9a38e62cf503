"""The workplace supervisor's input request names the school's supervisor in the words
of the stage's kind: the instituutsopleider in teacher education (issue 10, point 27)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from placements.models import PlanKind
from stagebeheer.models import OutgoingMessage
from tests.factories.placements import PlacementPlanFactory
from tests.factories.visits import PlacementFactory, VisitFactory
from visits.inputs import request_input

pytestmark = pytest.mark.django_db


def _request(department, supervisor, kind):
    plan = PlacementPlanFactory(department=department, kind=kind)
    placement = PlacementFactory(plan=plan, school_supervisor=supervisor, state="active")
    visit = VisitFactory(placement=placement, planned_on=timezone.localdate() + timedelta(days=3))
    assert request_input(visit)
    return OutgoingMessage.objects.get(object_id=visit.pk, subject__contains="inbreng").body_text


def test_teacher_education_asks_for_the_instituutsopleider(department, supervisor):
    body = _request(department, supervisor, PlanKind.TEACHER_EDUCATION)
    assert "spreekt de instituutsopleider van de opleiding met u" in body
    assert "stagebegeleider" not in body


def test_vo_still_asks_for_the_stagebegeleider_van_school(department, supervisor):
    body = _request(department, supervisor, PlanKind.VMBO_ORIENTATION)
    assert "spreekt de stagebegeleider van school met u" in body
