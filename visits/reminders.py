"""Reminder mails: one per supervisor per day, one overview per coordinator per week.

Queries are fixed in number per run whatever the number of placements and
recipients: one to select the moments, one for the logs already sent, one for
the coordinators, one INSERT of the day's logs and one of the mails. The
ReminderLog's unique key makes a second run on the same day (or a concurrent
one) send nothing twice.
"""

from collections import Counter, defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from stagebeheer.claims import insert_once
from stagebeheer.mail import queue_mails
from stagebeheer.models import Membership
from visits.models import ReminderLog, Visit

DUE_WITHIN_DAYS = 3
MAX_ROWS = 5000  # a bound on one run; the rest follows tomorrow


def _open_moments(until):
    return (
        Visit.objects.open()
        .filter(planned_on__lte=until, placement__state="active", placement__school_supervisor__isnull=False)
        .select_related(
            "placement__student", "placement__host", "placement__school_supervisor", "placement__plan"
        )
        .only(
            "pk",
            "planned_on",
            "purpose",
            "mode",
            "placement__id",
            "placement__plan__department_id",
            "placement__student__first_name",
            "placement__student__last_name_prefix",
            "placement__student__last_name",
            "placement__host__name",
            "placement__school_supervisor__id",
            "placement__school_supervisor__email",
            "placement__school_supervisor__full_name",
            "placement__school_supervisor__is_active",
        )
        .order_by("planned_on", "pk")[:MAX_ROWS]
    )


def _claim(users, kind, today) -> list:
    """The users whose log of ``kind`` for ``today`` this run stored (one INSERT)."""
    logs = insert_once(ReminderLog(user=user, kind=kind, sent_on=today) for user in users)
    return [log.user for log in logs]


def _main_department(visits) -> int:
    return Counter(v.placement.plan.department_id for v in visits).most_common(1)[0][0]


def send_supervisor_reminders(today=None) -> int:
    today = today or timezone.localdate()
    per_supervisor = defaultdict(list)
    for visit in _open_moments(today + timedelta(days=DUE_WITHIN_DAYS)):
        supervisor = visit.placement.school_supervisor
        if supervisor.is_active:
            per_supervisor[supervisor].append(visit)
    if not per_supervisor:
        return 0
    done = set(
        ReminderLog.objects.filter(
            kind=ReminderLog.Kind.SUPERVISOR_DAILY, sent_on=today, user__in=[u.pk for u in per_supervisor]
        ).values_list("user_id", flat=True)
    )
    agenda_url = settings.SITE_URL + reverse("visits:agenda")
    with transaction.atomic():
        claimed = _claim(
            [u for u in per_supervisor if u.pk not in done], ReminderLog.Kind.SUPERVISOR_DAILY, today
        )
        queue_mails(
            _supervisor_mail(supervisor, per_supervisor[supervisor], today, agenda_url)
            for supervisor in claimed
        )
    return len(claimed)


def _supervisor_mail(supervisor, visits, today, agenda_url) -> dict:
    overdue = [v for v in visits if v.planned_on < today]
    due = [v for v in visits if v.planned_on >= today]
    return {
        "to_email": supervisor.email,
        "to_name": supervisor.full_name,
        "subject": _("Contactmomenten: %(o)s te laat, %(d)s binnenkort") % {"o": len(overdue), "d": len(due)},
        "template": "visits/mail/supervisor_reminder",
        "context": {"overdue": overdue, "due": due, "agenda_url": agenda_url},
        # The mail shows in the outbox of the department most of its
        # moments belong to (a supervisor rarely serves two).
        "department_id": _main_department(visits),
    }


def send_coordinator_overviews(today=None) -> int:
    """The weekly list of overdue moments per supervisor, per department."""
    today = today or timezone.localdate()
    per_department = defaultdict(lambda: defaultdict(list))
    for visit in _open_moments(today - timedelta(days=1)):
        per_department[visit.placement.plan.department_id][visit.placement.school_supervisor].append(visit)
    if not per_department:
        return 0
    coordinators = defaultdict(list)
    for membership in Membership.objects.filter(
        department_id__in=list(per_department), role="coordinator", user__is_active=True
    ).select_related("user", "department"):
        coordinators[membership.user].append(membership.department)
    done = set(
        ReminderLog.objects.filter(
            kind=ReminderLog.Kind.COORDINATOR_WEEKLY, sent_on=today, user__in=[u.pk for u in coordinators]
        ).values_list("user_id", flat=True)
    )
    with transaction.atomic():
        claimed = _claim(
            [u for u in coordinators if u.pk not in done], ReminderLog.Kind.COORDINATOR_WEEKLY, today
        )
        queue_mails(
            _coordinator_mail(coordinator, coordinators[coordinator], per_department)
            for coordinator in claimed
        )
    return len(claimed)


def _coordinator_mail(coordinator, departments, per_department) -> dict:
    sections = [
        {
            "department": department.name,
            "supervisors": sorted(
                ((s.full_name, visits) for s, visits in per_department[department.pk].items()),
                key=lambda pair: pair[0],
            ),
        }
        for department in departments
    ]
    return {
        "to_email": coordinator.email,
        "to_name": coordinator.full_name,
        "subject": _("Weekoverzicht: contactmomenten die te laat zijn"),
        "template": "visits/mail/coordinator_overview",
        "context": {"sections": sections},
        "department_id": departments[0].pk,
    }
