"""Input before the conversation: the workplace supervisor's judgement by link."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from placements.models import PlacementWorkplaceSupervisor
from stagebeheer.mail import queue_mail
from stagebeheer.models import AccessLink
from visits.models import Visit, VisitStatus

PURPOSE = "visit_input"
DAYS_BEFORE = 4  # the link goes out this many days before the conversation


def _workplace_supervisor(placement_id):
    link = (
        PlacementWorkplaceSupervisor.objects.filter(placement_id=placement_id)
        .select_related("workplace_supervisor")
        .order_by("-is_primary", "pk")
        .first()
    )
    return link.workplace_supervisor if link else None


def request_input(visit: Visit, actor=None, force=False) -> bool:
    """Issue the link and queue the mail once per moment: the conditional
    UPDATE claims the moment, so a second run or a double click sends nothing.
    ``force`` sends again when asked by hand (a new link; the old one is revoked)."""
    if visit.status != VisitStatus.PLANNED:
        return False
    supervisor = _workplace_supervisor(visit.placement_id)
    if supervisor is None or not supervisor.email:
        return False
    claim = Visit.objects.filter(pk=visit.pk, status=VisitStatus.PLANNED)
    if not force:
        claim = claim.filter(input_requested_at__isnull=True)
    if not claim.update(input_requested_at=timezone.now()):
        return False
    if force:
        for old in AccessLink.objects.for_target(visit).filter(purpose=PURPOSE).usable():
            old.revoke()
    placement = visit.placement
    link, _token = AccessLink.issue(
        purpose=PURPOSE,
        target=visit,
        recipient_name=supervisor.name,
        recipient_email=supervisor.email,
        recipient_role=_("praktijkbegeleider"),
        department=placement.plan.department,
        days=max((visit.planned_on - timezone.localdate()).days + 7, 7),
        created_by=actor,
    )
    queue_mail(
        to_email=supervisor.email,
        to_name=supervisor.name,
        subject=_("Uw inbreng voor het gesprek over %(s)s") % {"s": placement.student.full_name},
        template="visits/mail/input_request",
        context={
            "student": placement.student.full_name,
            "host": placement.host.name,
            "visit": visit,
            "url": link.mail_url,
            "link": link,
        },
        related=visit,
        department=placement.plan.department,
    )
    return True


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
