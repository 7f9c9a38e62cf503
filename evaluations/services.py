"""Evaluation workflows: forms per plan, delivery at the end of a stage, answers, reminders."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from evaluations.defaults import DEFAULT_QUESTIONS
from evaluations.models import (
    Audience,
    EvaluationAnswer,
    EvaluationForm,
    EvaluationInvitation,
    EvaluationQuestion,
    EvaluationResponse,
    QuestionKind,
)
from evaluations.models.questionnaire import LINK_AUDIENCES
from placements.models import PlacementState, PlacementWorkplaceSupervisor
from stagebeheer.claims import claim_batch
from stagebeheer.history import line, record
from stagebeheer.mail import queue_mails
from stagebeheer.models import AccessLink

PURPOSE = "evaluation"
REMIND_AFTER = timedelta(days=7)
LINK_DAYS = 30


class AlreadyAnsweredError(Exception):
    """A second answer for the same party and placement; nothing was stored."""


# --- forms ---


def current_form(plan, audience) -> EvaluationForm:
    """The plan's latest version for the audience; the default set when it has none."""
    form = EvaluationForm.objects.filter(plan=plan, audience=audience).order_by("-version").first()
    if form is not None:
        return form
    try:
        with transaction.atomic():
            return save_form_version(
                plan, audience, [(str(t), k, str(q)) for t, k, q in DEFAULT_QUESTIONS[audience]]
            )
    except IntegrityError:  # made by a parallel request
        return EvaluationForm.objects.filter(plan=plan, audience=audience).order_by("-version").first()


def save_form_version(plan, audience, questions, actor=None) -> EvaluationForm:
    """Store ``questions`` [(topic, kind, text)] as the next version. Earlier
    versions stay as they were, with the answers given on them."""
    with transaction.atomic():
        latest = EvaluationForm.objects.filter(plan=plan, audience=audience).order_by("-version").first()
        form = EvaluationForm.objects.create(
            plan=plan, audience=audience, version=(latest.version + 1) if latest else 1, created_by=actor
        )
        EvaluationQuestion.objects.bulk_create(
            EvaluationQuestion(form=form, order=i, topic=topic, kind=kind, text=text[:300])
            for i, (topic, kind, text) in enumerate(questions)
        )
        if actor is not None:
            record(
                plan,
                action="evaluations:form",
                summary=line(
                    gettext_noop("Evaluatie voor %(a)s: versie %(v)s"),
                    a=Audience(audience).label,
                    v=form.version,
                ),
                actor=actor,
            )
    return form


# --- delivery ---


def _workplace_supervisor(placement):
    link = (
        PlacementWorkplaceSupervisor.objects.filter(placement=placement)
        .select_related("workplace_supervisor")
        .order_by("-is_primary", "pk")
        .first()
    )
    return link.workplace_supervisor if link else None


def _recipients(placement):
    """(audience, user, name, email) for every party that can be asked."""
    parties = []
    student = placement.student
    if student.email:
        parties.append((Audience.STUDENT, None, student.full_name, student.email))
    workplace = _workplace_supervisor(placement)
    if workplace is not None and workplace.email:
        parties.append((Audience.WORKPLACE_SUPERVISOR, None, workplace.name, workplace.email))
    if placement.school_supervisor_id:
        supervisor = placement.school_supervisor
        parties.append((Audience.SCHOOL_SUPERVISOR, supervisor, supervisor.full_name, supervisor.email))
    parties.append((Audience.COORDINATOR, None, "", ""))
    return parties


def deliver(placement) -> int:
    """Ask every party once; a second call (a rerun, a terminated-after-completed
    race) finds the invitations and sends nothing. Returns invitations made."""
    made = 0
    for audience, user, name, email in _recipients(placement):
        form = current_form(placement.plan, audience)
        try:
            with transaction.atomic():
                invitation = EvaluationInvitation.objects.create(
                    placement=placement,
                    audience=audience,
                    form=form,
                    user=user,
                    recipient_name=name[:150],
                    recipient_email=email,
                )
        except IntegrityError:
            continue
        made += 1
        if audience in LINK_AUDIENCES:
            _send_link(invitation)
    return made


def _send_link(invitation, reminder=False) -> None:
    _send_links([invitation], reminder)


def _send_links(invitations, reminder=False) -> None:
    """A link and a mail for each invitation: one INSERT of links, one of mails
    (the invitations come with placement__student, __host, __plan__department)."""
    issued = AccessLink.issue_many(
        {
            "purpose": PURPOSE,
            "target": invitation,
            "recipient_name": invitation.recipient_name,
            "recipient_email": invitation.recipient_email,
            "recipient_role": invitation.get_audience_display(),
            "department": invitation.placement.plan.department,
            "days": LINK_DAYS,
        }
        for invitation in invitations
    )
    queue_mails(
        _mail(invitation, link, reminder)
        for invitation, (link, _token) in zip(invitations, issued, strict=True)
    )


def _mail(invitation, link, reminder) -> dict:
    placement = invitation.placement
    subject = _("Hoe was de stage bij %(host)s?") % {"host": placement.host.name}
    if reminder:
        subject = _("Herinnering: %(s)s") % {"s": subject}
    return {
        "to_email": invitation.recipient_email,
        "to_name": invitation.recipient_name,
        "subject": subject,
        "template": "evaluations/mail/invitation",
        "context": {
            "student": placement.student.full_name,
            "host": placement.host.name,
            "is_student": invitation.audience == Audience.STUDENT,
            "url": link.mail_url,
            "reminder": reminder,
            "link": link,
        },
        "related": invitation,
        "department": placement.plan.department,
    }


def on_placement_state_changed(sender, placement, old_state, new_state, actor=None, **kwargs):
    if new_state in (PlacementState.COMPLETED, PlacementState.TERMINATED):
        deliver(placement)


def due_for_reminder(now=None):
    now = now or timezone.now()
    return EvaluationInvitation.objects.filter(
        audience__in=LINK_AUDIENCES,
        completed_at__isnull=True,
        reminded_at__isnull=True,
        sent_at__lte=now - REMIND_AFTER,
    ).select_related("placement__student", "placement__host", "placement__plan__department")


def remind(invitation) -> bool:
    """Once, a week after the first mail (see ``remind_due``)."""
    with transaction.atomic():
        return remind_due(EvaluationInvitation.objects.filter(pk=invitation.pk), 1) == 1


def remind_due(invitations=None, limit=500) -> int:
    """Remind each of ``invitations`` (default: those due) once: claimed in one
    batch by setting reminded_at (rows locked, those another worker holds
    skipped), the old links revoked in one UPDATE and fresh ones sent (tokens
    are not kept). A fixed number of queries whatever the number."""
    queryset = due_for_reminder() if invitations is None else invitations
    with transaction.atomic():
        claimed = claim_batch(
            queryset.filter(completed_at__isnull=True, reminded_at__isnull=True)
            .order_by("pk")
            .select_related("placement__student", "placement__host", "placement__plan__department"),
            limit,
            reminded_at=timezone.now(),
        )
        AccessLink.revoke_usable(claimed, PURPOSE)
        _send_links(claimed, reminder=True)
    return len(claimed)


# --- answers ---


def submit(invitation, answers: dict, *, link=None, user=None) -> EvaluationResponse:
    """Store one party's answers: {question_id: score or text}. The invitation is
    claimed by a conditional UPDATE (and the link, when answered by link), so a
    double submit, a second tab or a replayed form stores nothing twice."""
    with transaction.atomic():
        if link is not None and not link.claim_completion():
            raise AlreadyAnsweredError
        now = timezone.now()
        if not EvaluationInvitation.objects.filter(pk=invitation.pk, completed_at__isnull=True).update(
            completed_at=now
        ):
            raise AlreadyAnsweredError
        invitation.completed_at = now
        try:
            with transaction.atomic():
                response = EvaluationResponse.objects.create(
                    placement_id=invitation.placement_id,
                    audience=invitation.audience,
                    form_id=invitation.form_id,
                    invitation=invitation,
                    respondent=user if getattr(user, "is_authenticated", False) else None,
                )
        except IntegrityError:
            raise AlreadyAnsweredError from None
        rows = []
        for question in invitation.form.questions.all():
            value = answers.get(question.pk)
            if value in (None, ""):
                continue
            if question.kind == QuestionKind.SCALE:
                rows.append(EvaluationAnswer(response=response, question=question, score=int(value)))
            else:
                rows.append(EvaluationAnswer(response=response, question=question, text=str(value)[:2000]))
        EvaluationAnswer.objects.bulk_create(rows)
        record(
            invitation.placement,
            action="evaluations:answered",
            summary=line(gettext_noop("Evaluatie ingevuld door %(a)s"), a=invitation.get_audience_display()),
            actor=user,
            actor_label="" if user else invitation.recipient_name,
        )
    return response
