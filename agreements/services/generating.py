"""Generating an agreement version: fill every element, snapshot it, queue the PDF."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from agreements import elements
from agreements.models import Agreement, AgreementStatus, AgreementTemplate, Party, PdfStatus
from agreements.services.common import AgreementError, _placement_qs
from agreements.wording import LEGAL_BASIS, element_wording
from placements.models import PlacementState
from placements.wording import role_word
from stagebeheer.history import line, record
from stagebeheer.queueing import delay_on_commit


def _host_label(kind) -> str:
    return _("Namens de opleidingsschool") if kind == "ho" else _("Namens het stagebedrijf")


def _party_blocks(facts, kind) -> list[dict]:
    student_name = facts.student.full_name
    learner = _("student") if kind in ("mbo", "ho") else _("leerling")
    if facts.guardian_signs:
        student_signer = facts.guardian.name if facts.guardian else ""
        student_role = _("ouder/verzorger van %(name)s") % {"name": student_name}
    else:
        student_signer, student_role = student_name, learner
    ws = facts.workplace_supervisor
    return [
        {
            "party": Party.SCHOOL,
            "label": _("Namens de opleiding") if kind == "ho" else _("Namens de school"),
            "organisation": facts.school.name,
            "name": "",
            "role": _("stagecoördinator of gemachtigde"),
        },
        {
            "party": Party.HOST,
            "label": _host_label(kind),
            "organisation": facts.host.name,
            "name": ws.name if ws else "",
            "role": ws.position
            if ws and ws.position
            else _("%(who)s of gemachtigde") % {"who": role_word(facts.kind, "workplace_supervisor")},
        },
        {
            "party": Party.STUDENT,
            "label": _("De ouder/verzorger")
            if facts.guardian_signs
            else (_("De student") if kind in ("mbo", "ho") else _("De leerling")),
            "organisation": "",
            "name": student_signer,
            "role": student_role,
        },
    ]


def build_content(placement, template: AgreementTemplate, version: int):
    """Fill every element; returns (content snapshot, problems)."""
    facts, filled, problems = elements.resolve(placement, template.kind)
    school = facts.school
    articles = []
    for element, value in filled:
        articles.append(
            {
                "key": element.key,
                "heading": str(element.label_for(template.kind)),
                # A template saved before an element existed gets its default wording.
                "wording": template.element_wording.get(
                    element.key, element_wording(template.kind, element.key)
                ),
                "value": value,
                "article": element.article_for(template.kind),
                "source": element.source,
            }
        )
    content = {
        "kind": template.kind,
        "version": version,
        "template_version": template.version,
        "title": template.title,
        "legal_basis": str(LEGAL_BASIS[template.kind]),
        "intro": template.intro,
        "closing": template.closing,
        "school": {
            "name": school.name,
            "board": school.board_name,
            "address": school.address,
            "postcode": school.postcode,
            "city": school.city,
            "phone": school.phone,
            "email": school.email,
            "department": facts.department.name,
            "brin": facts.department.brin_location,
        },
        "student_name": facts.student.full_name,
        "host_name": facts.host.name,
        "plan_title": facts.plan.title,
        "school_year": facts.plan.school_year,
        # Whether a guardian signs (the key predates placements.rules.guardian_signs).
        "minor": facts.guardian_signs,
        "articles": articles,
        "parties": _party_blocks(facts, template.kind),
        "generated_on": elements.dmy(facts.on),
    }
    return content, problems


def queue_pdf(agreement: Agreement) -> None:
    from agreements.tasks import render_agreement_pdf

    Agreement.objects.filter(pk=agreement.pk).update(pdf_status=PdfStatus.QUEUED, pdf_error="")
    agreement.pdf_status = PdfStatus.QUEUED
    pk = agreement.pk
    delay_on_commit(render_agreement_pdf, pk)


@transaction.atomic
def generate(placement, actor=None) -> Agreement:
    """Make the first or next version, or refresh a draft that was not sent yet.
    A completed or terminated stage gets no new agreement."""
    placement = _placement_qs().get(pk=placement.pk)
    if placement.state in (PlacementState.COMPLETED, PlacementState.TERMINATED):
        raise AgreementError(_("Deze stage is afgerond of beëindigd; er komt geen nieuwe overeenkomst."))
    live = Agreement.objects.live().select_for_update().filter(placement=placement).first()
    if live and live.status != AgreementStatus.DRAFT:
        raise AgreementError(
            _(
                "Deze overeenkomst is al verstuurd. Een wijziging van de stage maakt vanzelf een nieuwe versie."
            )
        )
    template = AgreementTemplate.current(placement.plan.department, placement.plan.agreement_kind)
    if live:
        content, problems = build_content(placement, template, live.version)
        live.template, live.kind, live.content, live.problems = template, template.kind, content, problems
        live.save(update_fields=["template", "kind", "content", "problems"])
        queue_pdf(live)
        record(
            live, action="regenerate", summary=line(gettext_noop("Concept opnieuw opgesteld")), actor=actor
        )
        return live
    return write_version(placement, template, actor)


def write_version(placement, template, actor=None) -> Agreement:
    """Store the next version and queue its PDF. No checks: ``generate`` decides
    whether a version may be made; the demo writes versions of stages that
    already ran this way, as it writes their signatures."""
    version = (Agreement.objects.filter(placement=placement).aggregate(v=Max("version"))["v"] or 0) + 1
    content, problems = build_content(placement, template, version)
    agreement = Agreement.objects.create(
        placement=placement,
        version=version,
        kind=template.kind,
        template=template,
        content=content,
        problems=problems,
        created_by=actor if actor and actor.is_authenticated else None,
    )
    queue_pdf(agreement)
    record(
        agreement,
        action="create",
        summary=line(gettext_noop("Versie %(v)s opgesteld"), v=version),
        actor=actor,
    )
    record(
        placement,
        action="agreement",
        summary=line(gettext_noop("Overeenkomst versie %(v)s opgesteld"), v=version),
        actor=actor,
    )
    return agreement
