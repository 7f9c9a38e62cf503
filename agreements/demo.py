"""Demo agreements in every state, made to fit each demo placement's state.

- draft placement: a draft agreement (one of them incomplete, if data is missing)
- agreement_pending: sent and partly signed (one with a withdrawn earlier version)
- active, completed, terminated: fully signed (one active with an outdated version)
plus cooperation agreements for the lwt plan and a few hosts.

Idempotent: a placement that already has an agreement is left alone. PDFs are
rendered in this process (no worker needed); the seed stays a few seconds.
"""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from agreements import services
from agreements.models import (
    Agreement,
    AgreementStatus,
    AgreementTemplate,
    CooperationAgreement,
    CooperationKind,
    Party,
    PdfStatus,
    Signature,
    SignatureMethod,
    SignatureRequest,
)
from agreements.services.common import _placement_qs
from agreements.tasks import render_agreement_pdf, render_signed_pdf
from placements.models import Host, Placement, PlacementPlan, PlacementState, PlanKind
from stagebeheer.history import line, record
from stagebeheer.models import AccessLink
from stagebeheer.queueing import delay_on_commit

# Contract wording a plan needs for a complete agreement; only blanks are filled.
PLAN_WORDING = {
    "guidance_split": (
        "De praktijkbegeleider begeleidt de leerling dagelijks op de werkplek en is het eerste "
        "aanspreekpunt. De stagebegeleider van school houdt contact, bezoekt de leerling en voert "
        "de stagegesprekken."
    ),
    "host_assessment_role": (
        "De praktijkbegeleider vult halverwege en aan het eind het beoordelingsformulier in; de "
        "school stelt het eindoordeel vast en weegt dat oordeel mee."
    ),
    "insurance_arrangement": (
        "De school heeft voor alle leerlingen een collectieve ongevallenverzekering en een "
        "aansprakelijkheidsverzekering die ook tijdens de stage geldt."
    ),
    "insurance_premium_payer": "De school (het bevoegd gezag)",
    "termination_clause": (
        "Elke partij kan de overeenkomst na overleg beëindigen bij ernstige problemen op de werkplek, "
        "langdurig verzuim of wanneer de begeleiding tekortschiet. De school zoekt dan een andere plaats."
    ),
    "assessment_criteria": "Werkhouding, samenwerken, afspraken nakomen en vakvaardigheden, volgens het beoordelingsformulier.",
}
MBO_WORDING = {
    "qualification_part": (
        "Kerntaak B1-K1 (biedt zorg en ondersteuning) en B1-K2 (werkt aan kwaliteit); keuzedeel "
        "Dementie. Beoordeling met het praktijkexamen op de werkplek."
    ),
}


def _fill_plan_wording(plans):
    for plan in plans:
        wording = {**PLAN_WORDING, **(MBO_WORDING if plan.kind == PlanKind.MBO_BPV else {})}
        blanks = {field: text for field, text in wording.items() if not getattr(plan, field)}
        if blanks:
            PlacementPlan.objects.filter(pk=plan.pk).update(**blanks)


def _render_now(agreement):
    # Inline, so the signatures below can record the PDF's hash; the task queued on
    # commit then finds the row claimed and does nothing.
    render_agreement_pdf(agreement.pk)
    agreement.refresh_from_db()


def _claim_link(req):
    AccessLink.objects.filter(
        content_type=ContentType.objects.get_for_model(SignatureRequest), object_id=req.pk
    ).update(completed_at=timezone.now())


def _sign(agreement, req, when, method=SignatureMethod.LINK, user=None):
    Signature.objects.get_or_create(
        agreement=agreement,
        party=req.party,
        defaults=dict(
            signer_name=req.name,
            signer_role=req.role_label,
            method=method,
            signed_at=when,
            ip_address="192.0.2.10" if method == SignatureMethod.LINK else None,
            user_agent="Mozilla/5.0 (demo)" if method == SignatureMethod.LINK else "",
            pdf_sha256=agreement.pdf_sha256,
            user=user,
            request=req,
        ),
    )
    _claim_link(req)
    record(
        agreement,
        action="sign",
        summary=line(
            gettext_noop("Ondertekend door %(name)s (%(party)s)"), name=req.name, party=Party(req.party).label
        ),
        actor_label=req.name,
    )


def _past_version(placement, coordinator):
    """The version a stage that already ran was signed on, written as history.
    services.generate() refuses a completed or terminated stage (no new agreement
    then), and the demo seeds such stages in their final state; so the demo
    writes the version with the step generate() ends in, as it writes the
    signatures below. The placement's state is left alone."""
    placement = _placement_qs().get(pk=placement.pk)
    template = AgreementTemplate.current(placement.plan.department, placement.plan.agreement_kind)
    return services.write_version(placement, template, coordinator)


def _signed(placement, coordinator, days_ago, outdated_first=False):
    """A fully signed version, written directly: the placement is already past signing."""
    if outdated_first:
        old = _signed(placement, coordinator, days_ago + 20)
        Agreement.objects.filter(pk=old.pk).update(status=AgreementStatus.OUTDATED, closed_at=timezone.now())
        record(
            old,
            action="outdated",
            summary=line(
                gettext_noop("Vervallen door een wijziging van de stage (%(f)s)"),
                f=[Placement._meta.get_field("end_date").verbose_name],
            ),
        )
    agreement = _past_version(placement, coordinator)
    if agreement.problems:
        # The data changed since (a lapsed recognition): that version was never signed.
        services.withdraw(agreement, actor=coordinator)
        return agreement
    _render_now(agreement)
    sent = timezone.now() - timedelta(days=days_ago)
    for signer in services.signers_for(agreement, coordinator):
        req = SignatureRequest.objects.create(
            agreement=agreement,
            party=signer["party"],
            name=signer["name"],
            email=signer["email"],
            role_label=str(signer["role_label"]),
            sent_at=sent,
        )
        method = SignatureMethod.IN_APP if req.party == Party.SCHOOL else SignatureMethod.LINK
        _sign(
            agreement,
            req,
            sent + timedelta(days=1),
            method,
            coordinator if method == SignatureMethod.IN_APP else None,
        )
    Agreement.objects.filter(pk=agreement.pk).update(
        status=AgreementStatus.SIGNED,
        sent_at=sent,
        signed_at=sent + timedelta(days=1),
        signed_pdf_status=PdfStatus.QUEUED,
    )
    # The signed copy needs no hash here: it renders after commit (inline without a worker).
    pk = agreement.pk
    delay_on_commit(render_signed_pdf, pk)
    return agreement


def _pending(placement, coordinator, days_ago, signed_parties, withdrawn_first=False):
    if withdrawn_first:
        old = services.generate(placement, actor=coordinator)
        _render_now(old)
        services.withdraw(old, actor=coordinator)
    agreement = services.generate(placement, actor=coordinator)
    if agreement.problems:
        return agreement
    _render_now(agreement)
    services.send(agreement, actor=coordinator)
    sent = timezone.now() - timedelta(days=days_ago)
    Agreement.objects.filter(pk=agreement.pk).update(sent_at=sent)
    SignatureRequest.objects.filter(agreement=agreement).update(
        sent_at=sent, reminders_sent=2 if days_ago >= 7 else 1 if days_ago >= 3 else 0
    )
    for req in agreement.requests.filter(party__in=signed_parties):
        method = SignatureMethod.IN_APP if req.party == Party.SCHOOL else SignatureMethod.LINK
        _sign(
            agreement,
            req,
            sent + timedelta(days=1),
            method,
            coordinator if method == SignatureMethod.IN_APP else None,
        )
    return agreement


def _coordinator_for(core, placement):
    key = {"mbo": "coordinator_mbo", "teacher_education": "coordinator_teacher"}
    for dkey, department in core.departments.items():
        if department.pk == placement.plan.department_id:
            return core.users.get(key.get(dkey, "coordinator"))
    return None


def _cooperation(core):
    today = timezone.localdate()
    for plan in PlacementPlan.objects.filter(department__in=core.departments.values(), kind=PlanKind.LWT):
        CooperationAgreement.objects.get_or_create(
            kind=CooperationKind.LWT_MBO,
            plan=plan,
            valid_from=date(2024, 8, 1),
            defaults=dict(
                partner_name="ROC Rijnstad",
                reference="SWO-LWT-2024",
                valid_until=date(2028, 7, 31),
                covers="Doorstroom naar mbo niveau 2, examinering van het praktijkdeel, gezamenlijke begeleiding.",
            ),
        )
    rows = [
        (
            "Zorgcentrum De Linde",
            date(2025, 1, 1),
            None,
            "Raamovereenkomst stages zorg: begeleiding en verzekering.",
        ),
        (
            "Garage Van Leeuwen",
            date(2023, 8, 1),
            date(2026, 7, 31),
            "Raamovereenkomst techniekstages (verlopen).",
        ),
    ]
    for name, start, end, covers in rows:
        for host in Host.objects.filter(school__in=core.schools.values(), name=name):
            CooperationAgreement.objects.get_or_create(
                kind=CooperationKind.STANDING_HOST,
                host=host,
                valid_from=start,
                defaults=dict(valid_until=end, covers=covers, reference=f"RO-{start.year}-{host.pk}"),
            )
    return today


def seed(core):
    placements = list(
        Placement.objects.filter(plan__department__in=core.departments.values())
        .select_related("plan")
        .order_by("plan__department_id", "pk")
    )
    _cooperation(core)
    if not placements:
        return
    _fill_plan_wording({p.plan for p in placements})
    with_agreement = set(
        Agreement.objects.filter(placement__in=placements).values_list("placement_id", flat=True)
    )
    made_outdated = made_withdrawn = False
    for n, placement in enumerate(placements):
        if placement.pk in with_agreement:
            continue
        coordinator = _coordinator_for(core, placement)
        with transaction.atomic():
            placement.refresh_from_db()
            if placement.state == PlacementState.DRAFT:
                if n % 2 == 0 or placement.school_supervisor_id is None:
                    services.generate(placement, actor=coordinator)
            elif placement.state == PlacementState.AGREEMENT_PENDING:
                # Vary how far along signing is: nobody yet, the host, host and school.
                parties = [[], [Party.HOST], [Party.HOST, Party.SCHOOL]][n % 3]
                _pending(
                    placement, coordinator, [1, 4, 11][n % 3], parties, withdrawn_first=not made_withdrawn
                )
                made_withdrawn = True
            else:
                outdated = placement.state == PlacementState.ACTIVE and not made_outdated
                _signed(placement, coordinator, 30 + n, outdated_first=outdated)
                made_outdated = made_outdated or outdated
