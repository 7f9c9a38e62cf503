"""The stageboek in the audit trail and the retention term: hand-ins' texts and
files go with the student's data, the states stay."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import TestCase
from django.utils import timezone

from assessments.models import FinalPresentation, HandIn
from audit import retention
from audit.models.events import TRACKED
from placements.models import Student
from tests.assessments.stageboek_helpers import PDF, assignment, stageboek_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def handin(department, supervisor):
    placement = stageboek_placement(department, supervisor)
    handin = HandIn.objects.create(
        assignment=assignment(placement),
        placement=placement,
        text="Mijn logboek",
        feedback="Mooi",
        state="done",
        handed_in_at=timezone.now(),
        handed_in_by_label="Sanne",
    )
    handin.file.save("logboek.pdf", ContentFile(PDF))
    handin.file_name = "logboek.pdf"
    handin.save()
    FinalPresentation.objects.create(
        placement=placement, held_on=placement.end_date, grade="7.5", comment="Goed"
    )
    return handin


def test_a_hand_in_state_change_leaves_an_event_without_its_texts(handin):
    HandIn.objects.filter(pk=handin.pk).update(state="sent_back")
    handin.refresh_from_db()
    handin.state = "handed_in"
    handin.save()
    events = TRACKED["assessments.handin"].event_model.objects.filter(pgh_obj_id=handin.pk)
    assert events.filter(state="handed_in").exists()
    assert not any(hasattr(e, "text") or hasattr(e, "feedback") for e in events)


def test_retention_deletes_the_files_and_texts_and_keeps_the_state(handin):
    stored = handin.file.name
    assert default_storage.exists(stored)
    Student.objects.filter(pk=handin.placement.student_id).update(left_on=dt.date(2020, 7, 1))
    with TestCase.captureOnCommitCallbacks(execute=True):
        retention.run(today=dt.date(2030, 9, 1))
    handin.refresh_from_db()
    assert (handin.text, handin.feedback, handin.file.name, handin.file_name) == ("", "", "", "")
    assert handin.state == "done"
    assert not default_storage.exists(stored)
    presentation = FinalPresentation.objects.get()
    assert (presentation.comment, str(presentation.grade)) == ("", "7.5")
