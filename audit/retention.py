"""Retention: forget on time (AVG art. 5(1)(e), art. 17).

Per kind of record, a configurable number of years after the student left
(``Student.left_on``; defaults from LAW.md: pupil data two years):

- students: anonymised in place (name, contact data, date of birth to 1 July
  of the birth year, free texts), so counts, hours and allowances on the
  dashboards stay exactly as they were; guardians and learning goals deleted;
  the free texts of their placements, visits, concerns and hours cleared;
  their mail and links removed; their audit-trail snapshots deleted;
- stored documents (agreement PDFs and scans): deleted after
  RETENTION_DOCUMENT_YEARS;
- always: expired sessions, used or expired links older than
  RETENTION_LINK_DAYS, and mail bodies older than RETENTION_OUTBOX_DAYS.

Another app adds its own clean-up for anonymised students with one decorator,
``@retention.for_students`` on ``func(student_ids) -> int`` (rows changed), in
its ``privacy.py``. Every run, also a dry run, leaves a RetentionRun with counts.
"""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from audit.models import RetentionRun
from audit.models.events import TRACKED

STUDENT_CLEANERS: list = []


def for_students(func):
    """Register ``func(student_ids) -> int`` to run when students are anonymised."""
    STUDENT_CLEANERS.append(func)
    return func


def _years_before(today, years):
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def students_due(today=None):
    from placements.models import Student

    today = today or timezone.localdate()
    cutoff = _years_before(today, settings.RETENTION_STUDENT_YEARS)
    return Student.objects.filter(left_on__isnull=False, left_on__lte=cutoff, anonymised_at__isnull=True)


def documents_due(today=None):
    from agreements.models import Agreement

    today = today or timezone.localdate()
    cutoff = _years_before(today, settings.RETENTION_DOCUMENT_YEARS)
    has_file = ~Q(pdf="") | ~Q(signed_pdf="") | ~Q(scan="")
    return Agreement.objects.filter(
        has_file, placement__student__left_on__isnull=False, placement__student__left_on__lte=cutoff
    )


def _purge_trail(label, **lookup):
    """Delete the trail's snapshots of these records: they hold the personal data being forgotten."""
    entry = TRACKED.get(label)
    if entry is None:
        return 0
    model = entry.model
    ids = list(model._base_manager.filter(**lookup).values_list("pk", flat=True))
    return entry.event_model.objects.filter(pgh_obj_id__in=ids).delete()[0] if ids else 0


def _addresses_of(student_ids) -> dict[int, set[str]]:
    """{student id: the student's and the guardians' addresses}, in two queries."""
    from placements.models import Guardian, Student

    found: dict[int, set[str]] = {pk: set() for pk in student_ids}
    for pk, email in Student.objects.filter(pk__in=student_ids).values_list("pk", "email"):
        found[pk].add(email)
    for pk, email in Guardian.objects.filter(student_id__in=student_ids).values_list("student_id", "email"):
        found[pk].add(email)
    return {pk: emails - {""} for pk, emails in found.items()}


def _scrub_related(student_ids, addresses) -> dict:
    from agreements.models import Signature, SignatureRequest
    from placements.models import Guardian, HoursEntry, LearningGoal, Placement
    from stagebeheer.models import AccessLink, OutgoingMessage
    from visits.models import Concern, Visit, WorkplaceInput

    counts = {}
    counts["guardians_deleted"] = Guardian.objects.filter(student_id__in=student_ids).delete()[0]
    counts["learning_goals_deleted"] = LearningGoal.objects.filter(student_id__in=student_ids).delete()[0]
    placements = Placement.objects.filter(student_id__in=student_ids)
    counts["placements_scrubbed"] = placements.update(notes="", termination_reason="")
    counts["hours_scrubbed"] = HoursEntry.objects.filter(placement__in=placements).update(
        description="", confirmed_by=""
    )
    visits = Visit.objects.filter(placement__in=placements)
    counts["visits_scrubbed"] = visits.update(
        learning_moments="",
        learning_potential="",
        workplace_judgement="",
        guidance_examples="",
        notes="",
        others_present="",
        change_reason="",
    )
    WorkplaceInput.objects.filter(visit__in=visits).update(
        judgement="", going_well="", to_improve="", topics="", submitted_by=""
    )
    counts["concerns_scrubbed"] = Concern.objects.filter(placement__in=placements).update(
        description="—", actions="", reporter_name="", reporter_contact=""
    )
    SignatureRequest.objects.filter(agreement__placement__in=placements, party="student").update(
        name="—", email=""
    )
    Signature.objects.filter(agreement__placement__in=placements, party="student").update(
        signer_name="—", ip_address=None, user_agent=""
    )
    if addresses:
        match = Q()
        for address in addresses:
            match |= Q(to_email__iexact=address)
        counts["mail_deleted"] = OutgoingMessage.objects.filter(match).delete()[0]
        link_match = Q()
        for address in addresses:
            link_match |= Q(recipient_email__iexact=address)
        counts["links_deleted"] = AccessLink.objects.filter(link_match).delete()[0]
    for cleaner in STUDENT_CLEANERS:
        counts[cleaner.__name__] = cleaner(student_ids)
    trail = 0
    trail += _purge_trail("placements.student", pk__in=student_ids)
    trail += _purge_trail("placements.guardian", student_id__in=student_ids)
    trail += _purge_trail("placements.placement", student_id__in=student_ids)
    trail += _purge_trail("placements.hoursentry", placement__student_id__in=student_ids)
    trail += _purge_trail("visits.visit", placement__student_id__in=student_ids)
    trail += _purge_trail("visits.concern", placement__student_id__in=student_ids)
    trail += _purge_trail("agreements.agreement", placement__student_id__in=student_ids)
    trail += _purge_trail("agreements.signature", agreement__placement__student_id__in=student_ids)
    counts["trail_events_deleted"] = trail
    return counts


def _guardian_events_of_deleted(student_ids):
    entry = TRACKED.get("placements.guardian")
    if entry is None:
        return 0
    return entry.event_model.objects.filter(student_id__in=student_ids).delete()[0]


@transaction.atomic
def anonymise_students(student_ids) -> dict:
    """Claim the students with a conditional UPDATE (a second run does nothing), then scrub."""
    from placements.models import Student

    now = timezone.now()
    claimed = []
    counts = {}
    # Read before the names and addresses are cleared: the mail and links to them go too.
    addresses = _addresses_of(list(student_ids))
    for student in Student.objects.filter(pk__in=student_ids, anonymised_at__isnull=True).only(
        "pk", "date_of_birth"
    ):
        born = student.date_of_birth
        # Keeps the age group the dashboards and the working-time rules use, not the day.
        if Student.objects.filter(pk=student.pk, anonymised_at__isnull=True).update(
            anonymised_at=now,
            number=f"anon-{student.pk}",
            first_name="Leerling",
            last_name_prefix="",
            last_name=f"#{student.pk}",
            search_name=f"leerling #{student.pk}",
            date_of_birth=datetime.date(born.year, 7, 1),
            email="",
            phone="",
            postcode="",
            learning_goals="",
            support_needs="",
            mentor=None,
        ):
            claimed.append(student.pk)
    if claimed:
        counts = _scrub_related(claimed, set().union(*(addresses.get(pk, set()) for pk in claimed)))
        counts["trail_events_deleted"] += _guardian_events_of_deleted(claimed)
    counts["students_anonymised"] = len(claimed)
    return counts


def anonymise_student(student) -> bool:
    return anonymise_students([student.pk])["students_anonymised"] == 1


def delete_documents(agreements) -> int:
    deleted = 0
    for agreement in agreements:
        changed = []
        for name in ("pdf", "signed_pdf", "scan"):
            stored = getattr(agreement, name)
            if stored:
                stored.delete(save=False)
                changed.append(name)
                deleted += 1
        if changed:
            agreement.save(update_fields=changed)
    return deleted


def housekeeping(today, dry_run) -> dict:
    from stagebeheer.models import AccessLink, OutgoingMessage

    now = timezone.now()
    sessions = Session.objects.filter(expire_date__lt=now)
    link_cutoff = now - datetime.timedelta(days=settings.RETENTION_LINK_DAYS)
    links = AccessLink.objects.filter(
        Q(completed_at__lt=link_cutoff) | Q(revoked_at__lt=link_cutoff) | Q(expires_at__lt=link_cutoff)
    )
    mail_cutoff = now - datetime.timedelta(days=settings.RETENTION_OUTBOX_DAYS)
    bodies = OutgoingMessage.objects.filter(created_at__lt=mail_cutoff).exclude(body_text="", body_html="")
    counts = {
        "sessions_expired": sessions.count(),
        "links_removed": links.count(),
        "mail_bodies_cleared": bodies.count(),
    }
    if not dry_run:
        sessions.delete()
        links.delete()
        bodies.update(body_text="", body_html="")
    return counts


def run(*, dry_run=False, today=None) -> RetentionRun:
    """One pass. A dry run counts and lists (by id) what a real run would remove."""
    from audit.subject import sections

    sections()  # imports every app's privacy.py, where apps register their clean-up
    today = today or timezone.localdate()
    record = RetentionRun.objects.create(dry_run=dry_run)
    due = list(students_due(today).values_list("pk", flat=True))
    documents = documents_due(today)
    summary = {"students_due": due, "documents_due": list(documents.values_list("pk", flat=True))}
    if dry_run:
        summary["students_anonymised"] = 0
        summary["documents_deleted"] = 0
    else:
        summary.update(anonymise_students(due))
        summary["documents_deleted"] = delete_documents(documents)
    summary.update(housekeeping(today, dry_run))
    record.summary = summary
    record.finished_at = timezone.now()
    record.save(update_fields=["summary", "finished_at"])
    return record
