"""The trail also works in the zero-configuration demo on SQLite (signals instead of triggers)."""

from datetime import timedelta

import pytest

from audit.context import acting
from audit.history import events_of, lines_for, sentence
from audit.models.events import TRACKED

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def test_saving_and_deleting_are_recorded_with_the_user(placement, coordinator):
    entry = TRACKED["placements.placement"]
    with acting(user=coordinator.pk):
        placement.end_date += timedelta(days=7)
        placement.save()
    pk = placement.pk
    placement.delete()
    events = list(events_of(entry, pk))
    assert [e.pgh_label for e in events] == ["insert", "update", "delete"]
    assert events[1].pgh_context["user"] == coordinator.pk


def test_a_saved_support_need_is_only_marked_as_changed(student):
    entry = TRACKED["placements.student"]
    student.support_needs = "Iets heel persoonlijks"
    student.save()
    [line, _] = lines_for(entry, events_of(entry, student.pk))
    assert sentence(line) == ["systeem wijzigde ondersteuningsbehoefte (inhoud niet vastgelegd)"]
