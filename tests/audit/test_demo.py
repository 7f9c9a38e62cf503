"""The demo shows a placement's history and a student whose retention term has passed; it runs twice."""

import io

import pytest
from django.core.management import call_command

from audit import retention
from audit.demo import NOTE
from audit.history import events_of
from audit.models.events import TRACKED
from placements.models import Placement, Student
from stagebeheer.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def test_the_demo_has_history_and_a_leaver_and_runs_twice_without_new_changes():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    placement = Placement.objects.get(notes=NOTE)
    coordinator = User.objects.get(email="coordinator@rijncollege.example")
    updates = [
        e
        for e in events_of(TRACKED["placements.placement"], placement.pk)
        if e.pgh_label == "update" and (e.pgh_context or {}).get("user") == coordinator.pk
    ]
    assert len(updates) == 1
    [leaver] = Student.objects.filter(left_on__isnull=False)
    assert retention.run(dry_run=True).summary["students_due"] == [leaver.pk]
