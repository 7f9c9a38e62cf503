"""Opening rounds: each party's form for a placement, and its emailed link.

A round opens once per placement and party: the unique constraint on
Assessment makes a second run or a double click create nothing, and only the
run that created the row sends the link."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from assessments.models import Assessment, Party, PlanAssessmentSetup, Round, RoundKind
from placements.models import Placement, PlacementWorkplaceSupervisor
from stagebeheer.claims import insert_once
from stagebeheer.history import entry_for, line, record_many
from stagebeheer.mail import queue_mails
from stagebeheer.models import AccessLink

PURPOSE = "assessment_form"
LINK_DAYS_AFTER_END = 30  # a form stays open a month after the last stage day


def recipient(assessment):
    """(name, e-mail, role) of whoever fills in a linked form; None when unknown."""
    return recipients([assessment])[0]


def recipients(assessments) -> list:
    """``recipient`` of each form, in two queries at most whatever their number."""
    workplace = PlacementWorkplaceSupervisor.first_of(
        {a.placement_id for a in assessments if a.party == Party.WORKPLACE}
    )
    found = []
    for assessment in assessments:
        person = None
        if assessment.party == Party.STUDENT:
            student = assessment.placement.student
            if student.email:
                person = (student.full_name, student.email, _("leerling"))
        elif assessment.party == Party.WORKPLACE:
            supervisor = workplace.get(assessment.placement_id)
            if supervisor and supervisor.email:
                person = (supervisor.name, supervisor.email, _("praktijkbegeleider"))
        found.append(person)
    return found


def send_link(assessment, actor=None, reminder=False) -> bool:
    """Revoke the form's earlier links and mail a new one (the token exists only
    in the mail, so a reminder carries a fresh link too). False when there is no
    one to send to."""
    return send_links([assessment], actor, reminder) == 1


def send_links(assessments, actor=None, reminder=False, fresh=False) -> int:
    """``send_link`` for many forms in a fixed number of queries (the forms come
    with placement__student, __host, __plan__department and round loaded);
    returns how many were sent. ``fresh``: just created, no earlier links to revoke."""
    todo = [
        (assessment, found)
        for assessment, found in zip(assessments, recipients(assessments), strict=True)
        if found is not None and not assessment.is_submitted
    ]
    if not fresh:
        AccessLink.revoke_usable([assessment for assessment, _found in todo], PURPOSE)
    today = timezone.localdate()
    issued = AccessLink.issue_many(
        {
            "purpose": PURPOSE,
            "target": assessment,
            "recipient_name": name,
            "recipient_email": email,
            "recipient_role": role,
            "department": assessment.placement.plan.department,
            "days": max((assessment.placement.end_date - today).days + LINK_DAYS_AFTER_END, 14),
            "created_by": actor,
        }
        for assessment, (name, email, role) in todo
    )
    queue_mails(
        _mail(assessment, link, reminder)
        for (assessment, _found), (link, _token) in zip(todo, issued, strict=True)
    )
    return len(todo)


def _mail(assessment, link, reminder) -> dict:
    placement = assessment.placement
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
    return {
        "to_email": link.recipient_email,
        "to_name": link.recipient_name,
        "subject": subject,
        "template": template,
        "context": {
            "student": placement.student.full_name,
            "host": placement.host.name,
            "round": assessment.round.get_kind_display(),
            "url": link.mail_url,
            "link": link,
        },
        "related": assessment,
        "department": placement.plan.department,
    }


def revoke_links(assessment) -> int:
    return AccessLink.revoke_usable([assessment], PURPOSE)


def open_round(placement, rnd, actor=None, send=True) -> int:
    """Create each party's form for this round; returns how many were new.
    ``send=False`` (the demo seed) opens without mailing; a resend mails later."""
    return open_rounds([(placement, rnd)], actor, send)


def open_rounds(pairs, actor=None, send=True) -> int:
    """``open_round`` for many (placement, round) pairs in a fixed number of
    queries: one INSERT of the forms (the unique key keeps what another run
    opened first), the links and mails in bulk, one INSERT of history lines."""
    forms = []
    for placement, rnd in pairs:
        due_on = rnd.date_for(placement.start_date, placement.end_date)
        framework_id = rnd.setup.framework_id
        forms.extend(
            Assessment(placement=placement, round=rnd, party=party, framework_id=framework_id, due_on=due_on)
            for party in rnd.parties()
        )
    with transaction.atomic():
        created = insert_once(forms)
        if send:
            send_links([a for a in created if a.party != Party.SCHOOL], actor, fresh=True)
        opened = {(a.placement_id, a.round_id): (a.placement, a.round) for a in created}
        record_many(
            entry_for(
                placement,
                action="assessments:open",
                summary=line(gettext_noop("%(r)s geopend"), r=RoundKind(rnd.kind).label),
                actor=actor,
            )
            for placement, rnd in opened.values()
        )
    return len(created)


def due_pairs(today=None, limit=500):
    """(placement, round) pairs whose round date has come for running placements
    and that are not opened yet. Four queries whatever the numbers; the dates of
    all running placements are read slim, only the due ones in full."""
    today = today or timezone.localdate()
    rounds = {}
    for rnd in Round.objects.select_related("setup"):
        rounds.setdefault(rnd.setup.plan_id, []).append(rnd)
    if not rounds:
        return []
    running_qs = Placement.objects.filter(state="active", plan_id__in=list(rounds), start_date__lte=today)
    running = list(running_qs.order_by("pk").values_list("pk", "plan_id", "start_date", "end_date"))
    opened = set(
        Assessment.objects.filter(placement__in=running_qs.values("pk")).values_list(
            "placement_id", "round_id"
        )
    )
    due = []
    for pk, plan_id, start, end in running:
        for rnd in rounds[plan_id]:
            if (pk, rnd.pk) not in opened and rnd.date_for(start, end) <= today:
                due.append((pk, rnd))
        if len(due) >= limit:
            break
    due = due[:limit]
    placements = Placement.objects.select_related("student", "host", "plan__department").in_bulk(
        {pk for pk, _rnd in due}
    )
    return [(placements[pk], rnd) for pk, rnd in due]


def open_due_rounds(today=None) -> int:
    return open_rounds(due_pairs(today))


def setup_of(placement):
    return PlanAssessmentSetup.objects.filter(plan_id=placement.plan_id).select_related("framework").first()
