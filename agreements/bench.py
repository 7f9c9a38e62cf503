"""Agreements with their signature requests and signatures for the benchmark board."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from agreements.models import Agreement, AgreementTemplate, Signature, SignatureRequest
from placements.models import PlacementPlan
from stagebeheer.bench import BATCH

ORDER = 20
REMINDER_DAYS = (3, 7)  # agreements.reminders.REMINDER_STEPS
PARTIES = [("school", "De school"), ("host", "Het stagebedrijf"), ("student", "Ouder/verzorger")]


def _at(day):
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def seed(board):
    plans = {p.pk: p for p in PlacementPlan.objects.filter(department__in=board.departments)}
    templates = {}
    agreements = []
    for p in board.placements:
        if p.state == "draft":
            continue
        plan = plans[p.plan_id]
        key = (plan.department_id, plan.agreement_kind)
        if key not in templates:
            templates[key] = AgreementTemplate.current(plan.department, plan.agreement_kind)
        signed = p.state != "agreement_pending"
        sent = p.start_date - timedelta(days=21)
        agreements.append(
            Agreement(
                placement_id=p.pk,
                version=1,
                kind=plan.agreement_kind,
                template=templates[key],
                status="signed" if signed else "sent",
                content={"title": templates[key].title, "student_name": f"leerling {p.student_id}"},
                pdf_status="done",
                pdf_sha256="0" * 64,
                sent_at=_at(sent),
                signed_at=_at(sent + timedelta(days=5)) if signed else None,
            )
        )
    agreements = Agreement.objects.bulk_create(agreements, batch_size=BATCH)
    now = timezone.now()
    requests = SignatureRequest.objects.bulk_create(
        (
            SignatureRequest(
                agreement=a,
                party=party,
                name=label,
                email=f"{party}{a.pk}@bench.example",
                sent_at=a.sent_at,
                # The steady state: the reminders that were due went already.
                reminders_sent=sum(a.sent_at + timedelta(days=d) <= now for d in REMINDER_DAYS),
                coordinator_told_at=a.sent_at + timedelta(days=10)
                if party == "school" and a.sent_at + timedelta(days=10) <= now
                else None,
            )
            for a in agreements
            for party, label in PARTIES
        ),
        batch_size=BATCH,
    )
    by_agreement = {a.pk: a for a in agreements}
    Signature.objects.bulk_create(
        (
            Signature(
                agreement_id=r.agreement_id,
                party=r.party,
                signer_name=r.name,
                method="link",
                signed_at=by_agreement[r.agreement_id].sent_at + timedelta(days=2),
                pdf_sha256="0" * 64,
                request=r,
            )
            for r in requests
            # A sent agreement has its school signature; a signed one all three.
            if by_agreement[r.agreement_id].status == "signed" or r.party == "school"
        ),
        batch_size=BATCH,
    )
    board.counts["agreements"] = len(agreements)
