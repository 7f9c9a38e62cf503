"""Evaluations of the benchmark board: the default forms on every plan, every
finished placement's parties invited, and enough of them answered for about
40,000 answers at scale 1 (the rest stay open, already reminded)."""

from django.utils import timezone

from evaluations import services
from evaluations.models import (
    Audience,
    EvaluationAnswer,
    EvaluationInvitation,
    EvaluationResponse,
    QuestionKind,
)
from evaluations.models.questionnaire import LINK_AUDIENCES
from placements.models import PlacementPlan, PlacementWorkplaceSupervisor
from stagebeheer.bench import BATCH

ORDER = 50
OPEN_ANSWERS = ["Meer uitleg vooraf over de werktijden.", "Het eerste gesprek mocht eerder.", "Goed zo."]


def _forms(board):
    """{(plan_id, audience): (form_id, [(question_id, kind)])}: the seeded default forms."""
    forms = {}
    for plan in PlacementPlan.objects.filter(department__in=board.departments):
        for audience in Audience.values:
            form = services.current_form(plan, audience)
            forms[plan.pk, audience] = (form.pk, [(q.pk, q.kind) for q in form.questions.all()])
    return forms


def _invitations(board, forms):
    finished = [p for p in board.placements if p.state in ("completed", "terminated")]
    workplace = dict(
        PlacementWorkplaceSupervisor.objects.filter(placement__in=[p.pk for p in finished], is_primary=True)
        .values_list("placement_id", "workplace_supervisor__email")
        .iterator()
    )
    rows = []
    for p in finished:
        for audience in Audience.values:
            email = {
                Audience.STUDENT: f"leerling{p.student_id}@bench.example",
                Audience.WORKPLACE_SUPERVISOR: workplace.get(p.pk, ""),
            }.get(audience, "")
            rows.append(
                EvaluationInvitation(
                    placement_id=p.pk,
                    audience=audience,
                    form_id=forms[p.plan_id, audience][0],
                    user_id=p.school_supervisor_id if audience == Audience.SCHOOL_SUPERVISOR else None,
                    recipient_name=f"{audience} {p.pk}"[:150],
                    recipient_email=email,
                )
            )
    return rows, {p.pk: p.plan_id for p in finished}


def seed(board):
    forms = _forms(board)
    invitations, plan_of = _invitations(board, forms)
    possible = sum(len(forms[plan_of[i.placement_id], i.audience][1]) for i in invitations)
    share = min(1.0, board.n(40_000) / max(possible, 1))
    now = timezone.now()
    answered, seen = [], 0.0
    for i in invitations:
        # Spread the answered ones evenly (and deterministically) over all invitations.
        before, seen = seen, seen + share
        if int(seen) > int(before):
            i.completed_at = now
            answered.append(i)
        elif i.audience in LINK_AUDIENCES:
            i.reminded_at = now  # the steady state: the weekly reminder went already
    invitations = EvaluationInvitation.objects.bulk_create(invitations, batch_size=BATCH)
    responses = EvaluationResponse.objects.bulk_create(
        (
            EvaluationResponse(
                placement_id=i.placement_id,
                audience=i.audience,
                form_id=i.form_id,
                invitation=i,
                respondent_id=i.user_id,
            )
            for i in answered
        ),
        batch_size=BATCH,
    )
    count = 0

    def answers():
        nonlocal count
        for r in responses:
            for k, (question, kind) in enumerate(forms[plan_of[r.placement_id], r.audience][1]):
                count += 1
                yield EvaluationAnswer(
                    response_id=r.pk,
                    question_id=question,
                    score=3 + (r.placement_id + k) % 3 if kind == QuestionKind.SCALE else None,
                    text="" if kind == QuestionKind.SCALE else OPEN_ANSWERS[r.pk % len(OPEN_ANSWERS)],
                )

    EvaluationAnswer.objects.bulk_create(answers(), batch_size=BATCH)
    board.counts.update(evaluations=len(responses), answers=count)
