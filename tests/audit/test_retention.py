"""Retention forgets on time: a dry run lists, a real run anonymises, totals for past years stay equal."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from audit import retention
from audit.models import RetentionRun
from audit.models.events import TRACKED
from evaluations.dashboard import placement_counts
from placements.models import Guardian, HoursEntry, Placement, Student
from stagebeheer.models import AccessLink, OutgoingMessage
from visits.models import Concern

pytestmark = pytest.mark.django_db

TODAY = dt.date(2030, 9, 1)


@pytest.fixture
def left_long_ago(make_case, department):
    student = make_case(department, "Fleur", "fleur@thuis.example")
    Student.objects.filter(pk=student.pk).update(
        left_on=dt.date(2028, 7, 1)
    )  # more than 2 years before TODAY
    return student


@pytest.fixture
def left_recently(make_case, department):
    student = make_case(department, "Bram", "bram@thuis.example")
    Student.objects.filter(pk=student.pk).update(left_on=dt.date(2029, 7, 1))
    return student


@pytest.fixture
def still_at_school(make_case, department):
    return make_case(department, "Sanne", "sanne@thuis.example")


def totals():
    hours = sorted(HoursEntry.objects.values_list("placement_id", "hours"))
    return (
        placement_counts_all(),
        hours,
        Placement.objects.count(),
        Student.objects.count(),
        Concern.objects.count(),
    )


def placement_counts_all():
    from tests.factories.core import UserFactory

    return placement_counts(UserFactory.build(is_superuser=True))


def test_a_dry_run_lists_what_it_would_remove_and_changes_nothing(
    left_long_ago, left_recently, still_at_school
):
    run = retention.run(dry_run=True, today=TODAY)
    assert run.summary["students_due"] == [left_long_ago.pk]
    assert run.summary["students_anonymised"] == 0
    left_long_ago.refresh_from_db()
    assert left_long_ago.first_name == "Fleur"
    assert RetentionRun.objects.filter(dry_run=True).count() == 1


def test_a_real_run_anonymises_only_the_student_whose_term_has_passed(
    left_long_ago, left_recently, still_at_school
):
    before = totals()
    run = retention.run(today=TODAY)
    assert run.summary["students_anonymised"] == 1
    left_long_ago.refresh_from_db()
    assert left_long_ago.anonymised_at is not None
    assert (left_long_ago.first_name, left_long_ago.email, left_long_ago.support_needs) == (
        "Leerling",
        "",
        "",
    )
    assert left_long_ago.date_of_birth == dt.date(2010, 7, 1)
    assert not Guardian.objects.filter(student=left_long_ago).exists()
    assert Concern.objects.get(placement__student=left_long_ago).description == "—"
    assert not OutgoingMessage.objects.filter(to_email__iexact="fleur@thuis.example").exists()
    for other in (left_recently, still_at_school):
        other.refresh_from_db()
        assert other.anonymised_at is None
        assert Guardian.objects.filter(student=other).exists()
    # The dashboards' figures for past years are unchanged.
    assert totals() == before


def test_the_anonymised_students_trail_no_longer_holds_their_data(left_long_ago, still_at_school):
    retention.run(today=TODAY)
    assert not TRACKED["placements.student"].event_model.objects.filter(pgh_obj_id=left_long_ago.pk).exists()
    assert not TRACKED["placements.guardian"].event_model.objects.filter(student_id=left_long_ago.pk).exists()
    assert TRACKED["placements.student"].event_model.objects.filter(pgh_obj_id=still_at_school.pk).exists()


def test_the_stored_agreement_pdfs_are_deleted_after_their_term(left_long_ago, left_recently):
    ours = left_long_ago.placements.get().agreements.get()
    path = Path(ours.pdf.path)
    retention.run(today=TODAY)
    ours.refresh_from_db()
    assert not ours.pdf
    assert not path.exists()
    assert left_recently.placements.get().agreements.get().pdf


def test_running_twice_does_nothing_the_second_time(left_long_ago):
    retention.run(today=TODAY)
    second = retention.run(today=TODAY)
    assert second.summary["students_anonymised"] == 0
    assert second.summary["students_due"] == []


def test_old_links_sessions_and_mail_bodies_are_cleared(left_recently, placement):
    from django.contrib.sessions.models import Session

    old = timezone.now() - dt.timedelta(days=200)
    OutgoingMessage.objects.update(created_at=old)
    Session.objects.create(session_key="x" * 32, session_data="", expire_date=old)
    link, _token = AccessLink.issue(
        purpose="placements-hours-confirm",
        target=placement,
        recipient_name="Piet",
        recipient_email="piet@example.org",
    )
    AccessLink.objects.filter(pk=link.pk).update(expires_at=old)
    run = retention.run(today=TODAY)
    assert (
        run.summary["mail_bodies_cleared"],
        run.summary["sessions_expired"],
        run.summary["links_removed"],
    ) == (1, 1, 1)
    assert not OutgoingMessage.objects.exclude(body_text="").exists()
    assert not Session.objects.exists()
    assert not AccessLink.objects.exists()


def test_the_periodic_task_is_scheduled_and_runs(left_long_ago, settings):
    from audit.tasks import run_retention
    from stagebeheer.celery import app

    assert any(e["task"] == run_retention.name for e in app.conf.beat_schedule.values())
    run_pk = run_retention.delay().get()
    assert RetentionRun.objects.get(pk=run_pk).dry_run is False


def test_the_command_offers_a_dry_run(left_long_ago, capsys):
    from django.core.management import call_command

    call_command("retention", "--dry-run")
    assert "students_due" in capsys.readouterr().out
    left_long_ago.refresh_from_db()
    assert left_long_ago.anonymised_at is None
