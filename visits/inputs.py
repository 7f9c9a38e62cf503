"""Input before the conversation: the workplace supervisor's judgement by link."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from placements.models import PlacementWorkplaceSupervisor
from stagebeheer.claims import claim_batch
from stagebeheer.mail import queue_mails
from stagebeheer.models import AccessLink
from visits.models import Visit, VisitStatus

PURPOSE = "visit_input"
DAYS_BEFORE = 4  # the link goes out this many days before the conversation


def request_input(visit: Visit, actor=None, force=False) -> bool:
    """Issue the link and queue the mail once per moment: the conditional
    UPDATE claims the moment, so a second run or a double click sends nothing.
    ``force`` sends again when asked by hand (a new link; the old one is revoked)."""
    if visit.status != VisitStatus.PLANNED:
        return False
    supervisor = PlacementWorkplaceSupervisor.first_of([visit.placement_id]).get(visit.placement_id)
    if supervisor is None or not supervisor.email:
        return False
    claim = Visit.objects.filter(pk=visit.pk, status=VisitStatus.PLANNED)
    if not force:
        claim = claim.filter(input_requested_at__isnull=True)
    if not claim.update(input_requested_at=timezone.now()):
        return False
    if force:
        AccessLink.revoke_usable([visit], PURPOSE)
    _send([(visit, supervisor)], actor)
    return True


def request_due_inputs(today=None, limit=500) -> int:
    """``request_input`` for the moments due, in a fixed number of queries: the
    moments whose placement has a workplace supervisor with an address are
    claimed in one batch (rows locked, those another worker holds skipped), so a
    rerun or a second worker sends nothing twice. Moments without one stay due."""
    with transaction.atomic():
        due = list(due_for_input(today).order_by("pk").values_list("pk", "placement_id")[:limit])
        supervisors = PlacementWorkplaceSupervisor.first_of({placement_id for _pk, placement_id in due})
        reachable = [pk for pk, placement_id in due if getattr(supervisors.get(placement_id), "email", "")]
        claimed = claim_batch(
            due_for_input(today).filter(pk__in=reachable).order_by("pk"),
            limit,
            input_requested_at=timezone.now(),
        )
        _send([(visit, supervisors[visit.placement_id]) for visit in claimed])
    return len(claimed)


def _send(pairs, actor=None) -> None:
    """A link and a mail for each (moment, supervisor): one INSERT of links, one of mails."""
    today = timezone.localdate()
    issued = AccessLink.issue_many(
        {
            "purpose": PURPOSE,
            "target": visit,
            "recipient_name": supervisor.name,
            "recipient_email": supervisor.email,
            "recipient_role": _("praktijkbegeleider"),
            "department": visit.placement.plan.department,
            "days": max((visit.planned_on - today).days + 7, 7),
            "created_by": actor,
        }
        for visit, supervisor in pairs
    )
    queue_mails(
        {
            "to_email": link.recipient_email,
            "to_name": link.recipient_name,
            "subject": _("Uw inbreng voor het gesprek over %(s)s") % {"s": visit.placement.student.full_name},
            "template": "visits/mail/input_request",
            "context": {
                "student": visit.placement.student.full_name,
                "host": visit.placement.host.name,
                "visit": visit,
                "url": link.mail_url,
                "link": link,
            },
            "related": visit,
            "department": visit.placement.plan.department,
        }
        for (visit, _supervisor), (link, _token) in zip(pairs, issued, strict=True)
    )


def due_for_input(today=None):
    """Planned conversations a few days ahead whose input was not yet asked for.
    A phone introduction needs no input; neither does a moment of a stopped placement."""
    today = today or timezone.localdate()
    return (
        Visit.objects.open()
        .filter(
            input_requested_at__isnull=True,
            planned_on__gt=today,
            planned_on__lte=today + timedelta(days=DAYS_BEFORE),
            placement__state="active",
        )
        .exclude(purpose="introduction")
        .select_related("placement__student", "placement__host", "placement__plan__department")
    )
