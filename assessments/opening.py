"""Opening rounds: each party's form for a placement, and its emailed link.

A round opens once per placement and party: the unique constraint on
Assessment makes a second run or a double click create nothing, and only the
run that created the row sends the link."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from assessments.models import Assessment, Party, PlanAssessmentSetup, Round, RoundKind
from placements.models import Placement, PlacementWorkplaceSupervisor
from stagebeheer.history import line, record
from stagebeheer.mail import queue_mail
from stagebeheer.models import AccessLink

PURPOSE = "assessment_form"
LINK_DAYS_AFTER_END = 30  # a form stays open a month after the last stage day


def recipient(assessment):
    """(name, e-mail, role) of whoever fills in a linked form; None when unknown."""
    placement = assessment.placement
    if assessment.party == Party.STUDENT:
        student = placement.student
        return (student.full_name, student.email, _("leerling")) if student.email else None
    if assessment.party == Party.WORKPLACE:
        link = (
            PlacementWorkplaceSupervisor.objects.filter(placement_id=placement.pk)
            .select_related("workplace_supervisor")
            .order_by("-is_primary", "pk")
            .first()
        )
        supervisor = link.workplace_supervisor if link else None
        if supervisor and supervisor.email:
            return (supervisor.name, supervisor.email, _("praktijkbegeleider"))
    return None


def send_link(assessment, actor=None, reminder=False) -> bool:
    """Revoke the form's earlier links and mail a new one (the token exists only
    in the mail, so a reminder carries a fresh link too). False when there is no
    one to send to."""
    found = recipient(assessment)
    if found is None or assessment.is_submitted:
        return False
    name, email, role = found
    placement = assessment.placement
    for old in AccessLink.objects.for_target(assessment).filter(purpose=PURPOSE).usable():
        old.revoke()
    days = max((placement.end_date - timezone.localdate()).days + LINK_DAYS_AFTER_END, 14)
    link, token = AccessLink.issue(
        purpose=PURPOSE,
        target=assessment,
        recipient_name=name,
        recipient_email=email,
        recipient_role=role,
        department=placement.plan.department,
        days=days,
        created_by=actor,
    )
    template = (
        "assessments/mail/self_request" if assessment.party == Party.STUDENT else "assessments/mail/request"
    )
    subject = (
        _("Je zelfbeoordeling voor je stage bij %(h)s") % {"h": placement.host.name}
        if assessment.party == Party.STUDENT
        else _("Beoordeling van de stage van %(s)s") % {"s": placement.student.full_name}
    )
    if reminder:
        template = "assessments/mail/reminder"
        subject = _("Herinnering: %(s)s") % {"s": subject}
    queue_mail(
        to_email=email,
        to_name=name,
        subject=subject,
        template=template,
        context={
            "student": placement.student.full_name,
            "host": placement.host.name,
            "round": assessment.round.get_kind_display(),
            "url": AccessLink.url_for(token),
            "link": link,
        },
        related=assessment,
        department=placement.plan.department,
    )
    return True


def revoke_links(assessment) -> int:
    links = list(AccessLink.objects.for_target(assessment).filter(purpose=PURPOSE).usable())
    for link in links:
        link.revoke()
    return len(links)


def open_round(placement, rnd, actor=None, send=True) -> int:
    """Create each party's form for this round; returns how many were new.
    ``send=False`` (the demo seed) opens without mailing; a resend mails later."""
    setup = rnd.setup
    due_on = rnd.date_for(placement.start_date, placement.end_date)
    created = 0
    for party in rnd.parties():
        try:
            with transaction.atomic():
                assessment = Assessment.objects.create(
                    placement=placement,
                    round=rnd,
                    party=party,
                    framework_id=setup.framework_id,
                    due_on=due_on,
                )
                assessment.placement = placement
                if send and party != Party.SCHOOL:
                    send_link(assessment, actor)
        except IntegrityError:
            continue  # opened already, by the task or by hand
        created += 1
    if created:
        record(
            placement,
            action="assessments:open",
            summary=line(gettext_noop("%(r)s geopend"), r=RoundKind(rnd.kind).label),
            actor=actor,
        )
    return created


def due_pairs(today=None, limit=500):
    """(placement, round) pairs whose round date has come for running placements
    and that are not opened yet. Four queries whatever the numbers."""
    today = today or timezone.localdate()
    rounds = {}
    for rnd in Round.objects.select_related("setup"):
        rounds.setdefault(rnd.setup.plan_id, []).append(rnd)
    if not rounds:
        return []
    placements = list(
        Placement.objects.filter(state="active", plan_id__in=rounds, start_date__lte=today)
        .select_related("student", "host", "plan__department")
        .order_by("pk")
    )
    opened = set(
        Assessment.objects.filter(placement__in=[p.pk for p in placements]).values_list(
            "placement_id", "round_id"
        )
    )
    pairs = []
    for placement in placements:
        for rnd in rounds[placement.plan_id]:
            if (placement.pk, rnd.pk) in opened:
                continue
            if rnd.date_for(placement.start_date, placement.end_date) <= today:
                pairs.append((placement, rnd))
                if len(pairs) >= limit:
                    return pairs
    return pairs


def open_due_rounds(today=None) -> int:
    return sum(open_round(placement, rnd) for placement, rnd in due_pairs(today))


def setup_of(placement):
    return PlanAssessmentSetup.objects.filter(plan_id=placement.plan_id).select_related("framework").first()
