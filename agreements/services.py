"""The agreement's workflow: generate, send, sign, renew, withdraw, paper.

The placement's state changes only through placements.services; this module
calls ``send_for_agreement`` when an agreement goes out for a draft placement,
``activate`` when the last party signs, and ``back_to_pending`` when an active
placement's contract changes. ``activation_guard`` is the rule that nothing
else may make a placement active (registered in AgreementsConfig.ready).
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements import elements
from agreements.models import (
    Agreement,
    AgreementStatus,
    AgreementTemplate,
    Party,
    PdfStatus,
    Signature,
    SignatureMethod,
    SignatureRequest,
)
from agreements.wording import LEGAL_BASIS
from placements import services as placement_services
from placements.models import Placement, PlacementState
from stagebeheer.history import record
from stagebeheer.mail import queue_mail
from stagebeheer.models import AccessLink, Membership

LINK_PURPOSE = "agreement-sign"


class AgreementError(ValidationError):
    """An action that is not possible now; the message says why, in Dutch."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _placement_qs():
    return Placement.objects.select_related(
        "plan__department__school", "host", "student", "school_supervisor"
    ).prefetch_related("supervisor_links__workplace_supervisor", "student__guardians")


def current_agreement(placement) -> Agreement | None:
    return Agreement.objects.live().filter(placement=placement).first()


# --- the green light ---------------------------------------------------------


def activation_guard(placement) -> str | None:
    """Refuse activation unless the current agreement is signed by every party."""
    agreement = current_agreement(placement)
    if agreement is None:
        return _("Er is nog geen overeenkomst voor deze stage.")
    if agreement.status != AgreementStatus.SIGNED:
        missing = [str(Party(p).label) for p in agreement.unsigned_parties()]
        return _("De overeenkomst is nog niet door alle partijen ondertekend (ontbreekt: %(who)s).") % {
            "who": ", ".join(missing)
        }
    return None


# --- generating ----------------------------------------------------------------


def _party_blocks(facts, kind) -> list[dict]:
    student_name = facts.student.full_name
    learner = _("student") if kind in ("mbo", "ho") else _("leerling")
    if facts.minor:
        student_signer = facts.guardian.name if facts.guardian else ""
        student_role = _("ouder/verzorger van %(name)s") % {"name": student_name}
    else:
        student_signer, student_role = student_name, learner
    ws = facts.workplace_supervisor
    return [
        {
            "party": Party.SCHOOL,
            "label": _("Namens de school"),
            "organisation": facts.school.name,
            "name": "",
            "role": _("stagecoördinator of gemachtigde"),
        },
        {
            "party": Party.HOST,
            "label": _("Namens het stagebedrijf"),
            "organisation": facts.host.name,
            "name": ws.name if ws else "",
            "role": ws.position if ws and ws.position else _("praktijkbegeleider of gemachtigde"),
        },
        {
            "party": Party.STUDENT,
            "label": _("De ouder/verzorger")
            if facts.minor
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
                "wording": template.element_wording.get(element.key, ""),
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
        "minor": facts.minor,
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
    transaction.on_commit(lambda: render_agreement_pdf.delay(pk))


@transaction.atomic
def generate(placement, actor=None, *, allow_ended=False) -> Agreement:
    """Make the first or next version, or refresh a draft that was not sent yet.
    ``allow_ended`` lets the demo record agreements of stages that already ran."""
    placement = _placement_qs().get(pk=placement.pk)
    if not allow_ended and placement.state in (PlacementState.COMPLETED, PlacementState.TERMINATED):
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
        record(live, action="regenerate", summary=_("Concept opnieuw opgesteld"), actor=actor)
        return live
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
    record(agreement, action="create", summary=_("Versie %(v)s opgesteld") % {"v": version}, actor=actor)
    record(
        placement,
        action="agreement",
        summary=_("Overeenkomst versie %(v)s opgesteld") % {"v": version},
        actor=actor,
    )
    return agreement


# --- sending ---------------------------------------------------------------------


def signers_for(agreement: Agreement, actor=None, host_signatory=None) -> list[dict]:
    """Who signs for each party. The school signs in the app; host and student by link."""
    facts = elements.Facts(_placement_qs().get(pk=agreement.placement_id))
    ws = facts.workplace_supervisor
    host = host_signatory or ({"name": ws.name, "email": ws.email} if ws else {"name": "", "email": ""})
    if facts.minor:
        g = facts.guardian
        student = {
            "name": g.name if g else "",
            "email": g.email if g else "",
            "role_label": _("ouder/verzorger van %(name)s") % {"name": facts.student.full_name},
        }
    else:
        student = {"name": facts.student.full_name, "email": facts.student.email, "role_label": _("leerling")}
    school_name = actor.full_name if actor and getattr(actor, "is_authenticated", False) else ""
    return [
        {
            "party": Party.SCHOOL,
            "name": school_name or _("stagecoördinator"),
            "email": actor.email if school_name else "",
            "role_label": _("namens %(school)s") % {"school": facts.school.name},
            "by_link": False,
        },
        {
            "party": Party.HOST,
            "name": host["name"],
            "email": host["email"],
            "role_label": _("namens %(host)s") % {"host": facts.host.name},
            "by_link": True,
        },
        {"party": Party.STUDENT, **student, "by_link": True},
    ]


def _issue_link(req: SignatureRequest, actor=None, reminder=False) -> None:
    agreement = req.agreement
    link, token = AccessLink.issue(
        purpose=LINK_PURPOSE,
        target=req,
        recipient_name=req.name,
        recipient_email=req.email,
        department=agreement.placement.plan.department,
        created_by=actor if actor and getattr(actor, "is_authenticated", False) else None,
        recipient_role=str(Party(req.party).label)[:40],
    )
    subject = (_("Herinnering: ") if reminder else "") + _("%(title)s ter ondertekening: %(student)s") % {
        "title": agreement.content.get("title", ""),
        "student": agreement.content.get("student_name", ""),
    }
    queue_mail(
        to_email=req.email,
        to_name=req.name,
        subject=subject,
        template="agreements/mail/sign_request",
        context={
            "url": AccessLink.url_for(token),
            "link": link,
            "request": req,
            "content": agreement.content,
            "reminder": reminder,
        },
        related=agreement,
        department=agreement.placement.plan.department,
    )


@transaction.atomic
def send(agreement: Agreement, actor=None, host_signatory=None) -> Agreement:
    """Send a complete draft to the parties. An incomplete agreement is refused."""
    agreement = (
        Agreement.objects.select_for_update()
        .select_related("placement__plan__department")
        .get(pk=agreement.pk)
    )
    if agreement.status != AgreementStatus.DRAFT:
        raise AgreementError(_("Alleen een concept kan worden verstuurd."))
    if agreement.problems:
        raise AgreementError(
            _("De overeenkomst is niet compleet en kan niet worden verstuurd: %(p)s")
            % {"p": "; ".join(agreement.problems)}
        )
    signers = signers_for(agreement, actor, host_signatory)
    for signer in signers:
        if signer["by_link"] and not signer["email"]:
            raise AgreementError(
                _("Er is geen e-mailadres om %(party)s te laten tekenen.")
                % {"party": Party(signer["party"]).label}
            )
    placement = agreement.placement
    if placement.state in (PlacementState.COMPLETED, PlacementState.TERMINATED):
        raise AgreementError(_("Deze stage is afgerond of beëindigd."))
    now = timezone.now()
    Agreement.objects.filter(pk=agreement.pk).update(status=AgreementStatus.SENT, sent_at=now)
    agreement.status, agreement.sent_at = AgreementStatus.SENT, now
    for signer in signers:
        req = SignatureRequest.objects.create(
            agreement=agreement,
            party=signer["party"],
            name=signer["name"][:150],
            email=signer["email"],
            role_label=str(signer["role_label"])[:150],
            sent_at=now,
        )
        if signer["by_link"]:
            _issue_link(req, actor)
    if placement.state == PlacementState.DRAFT:
        placement_services.send_for_agreement(placement, actor=actor)
    record(agreement, action="send", summary=_("Verstuurd ter ondertekening"), actor=actor)
    record(
        placement,
        action="agreement",
        summary=_("Overeenkomst versie %(v)s verstuurd ter ondertekening") % {"v": agreement.version},
        actor=actor,
    )
    return agreement


# --- signing ----------------------------------------------------------------------


def sign(
    agreement: Agreement,
    party: str,
    *,
    name: str,
    method: str,
    role: str = "",
    ip_address=None,
    user_agent: str = "",
    user=None,
    request_row=None,
    shown_sha256: str = "",
) -> Signature:
    """Store one party's signature on a sent agreement; the last one activates the placement."""
    name = (name or "").strip()
    if not name:
        raise AgreementError(_("Typ uw naam om te tekenen."))
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if agreement.status != AgreementStatus.SENT:
            raise AgreementError(_("Deze overeenkomst kan niet (meer) worden ondertekend."))
        if agreement.pdf_status != PdfStatus.DONE or not agreement.pdf_sha256:
            raise AgreementError(_("Het document wordt nog gemaakt. Probeer het over een minuut opnieuw."))
        if shown_sha256 and shown_sha256 != agreement.pdf_sha256:
            raise AgreementError(_("Het document is gewijzigd sinds u het opende. Open de link opnieuw."))
        try:
            with transaction.atomic():
                signature = Signature.objects.create(
                    agreement=agreement,
                    party=party,
                    signer_name=name[:150],
                    signer_role=role[:150],
                    method=method,
                    signed_at=timezone.now(),
                    ip_address=ip_address or None,
                    user_agent=(user_agent or "")[:300],
                    pdf_sha256=agreement.pdf_sha256,
                    user=user if user and getattr(user, "is_authenticated", False) else None,
                    request=request_row,
                )
        except IntegrityError:
            raise AgreementError(_("Voor deze partij is al getekend.")) from None
        record(
            agreement,
            action="sign",
            summary=_("Ondertekend door %(name)s (%(party)s)") % {"name": name, "party": Party(party).label},
            actor=user,
            actor_label=name,
        )
        _complete_if_all_signed(agreement, actor=user)
    return signature


def _complete_if_all_signed(agreement: Agreement, actor=None) -> bool:
    signed = set(agreement.signatures.values_list("party", flat=True))
    if signed != set(Party.values):
        return False
    now = timezone.now()
    moved = Agreement.objects.filter(pk=agreement.pk, status=AgreementStatus.SENT).update(
        status=AgreementStatus.SIGNED, signed_at=now, signed_pdf_status=PdfStatus.QUEUED
    )
    if not moved:
        return False
    agreement.status, agreement.signed_at = AgreementStatus.SIGNED, now
    _revoke_links(agreement)
    record(agreement, action="signed", summary=_("Door alle partijen ondertekend"), actor=actor)
    from agreements.tasks import render_signed_pdf

    pk = agreement.pk
    transaction.on_commit(lambda: render_signed_pdf.delay(pk))
    placement = Placement.objects.get(pk=agreement.placement_id)
    if placement.state == PlacementState.AGREEMENT_PENDING:
        placement_services.activate(placement, actor=actor)
    return True


def sign_in_app(agreement: Agreement, user, name: str, request=None) -> Signature:
    """A coordinator signs for the school inside the app."""
    req = agreement.requests.filter(party=Party.SCHOOL).first()
    return sign(
        agreement,
        Party.SCHOOL,
        name=name,
        role=_("stagecoördinator"),
        method=SignatureMethod.IN_APP,
        ip_address=client_ip(request) if request else None,
        user_agent=request.META.get("HTTP_USER_AGENT", "") if request else "",
        user=user,
        request_row=req,
    )


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


# --- paper ---------------------------------------------------------------------------


def record_paper(agreement: Agreement, upload, parties: list[str], actor, signer_names: dict | None = None):
    """A scanned signed agreement counts as signed by the parties the coordinator ticks."""
    if not parties:
        raise AgreementError(_("Vink aan welke partijen op papier hebben getekend."))
    data = upload.read()
    digest = sha256_of(data)
    with transaction.atomic():
        locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if locked.status != AgreementStatus.SENT:
            raise AgreementError(_("Een scan kan alleen worden toegevoegd aan een verstuurde overeenkomst."))
        already = set(locked.signatures.values_list("party", flat=True))
        if already & set(parties):
            raise AgreementError(_("Voor een van de aangevinkte partijen is al getekend."))
        from django.core.files.base import ContentFile

        locked.scan.save(
            f"scan-{locked.kind}-v{locked.version}-{locked.pk}.pdf", ContentFile(data), save=False
        )
        locked.scan_sha256 = digest
        locked.save(update_fields=["scan", "scan_sha256"])
        names = signer_names or {}
        requests = {r.party: r for r in locked.requests.all()}
        for party in parties:
            req = requests.get(party)
            Signature.objects.create(
                agreement=locked,
                party=party,
                signer_name=(names.get(party) or (req.name if req else str(Party(party).label)))[:150],
                signer_role=_("op papier, vastgelegd door %(who)s") % {"who": actor.full_name},
                method=SignatureMethod.PAPER,
                signed_at=timezone.now(),
                pdf_sha256=digest,
                user=actor,
                request=req,
            )
        record(
            locked,
            action="paper",
            summary=_("Getekende scan geüpload voor: %(p)s")
            % {"p": ", ".join(str(Party(p).label) for p in parties)},
            actor=actor,
        )
        _revoke_links(locked, parties)
        _complete_if_all_signed(locked, actor=actor)
    return locked


# --- changes and withdrawal ------------------------------------------------------------


def _revoke_links(agreement: Agreement, parties=None) -> int:
    requests = SignatureRequest.objects.filter(agreement=agreement)
    if parties:
        requests = requests.filter(party__in=parties)
    return AccessLink.objects.filter(
        content_type=ContentType.objects.get_for_model(SignatureRequest),
        object_id__in=requests.values("pk"),
        purpose=LINK_PURPOSE,
        revoked_at__isnull=True,
        completed_at__isnull=True,
    ).update(revoked_at=timezone.now())


@transaction.atomic
def withdraw(agreement: Agreement, actor=None) -> Agreement:
    """Take back a draft or a sent agreement; its links stop working at once."""
    moved = Agreement.objects.filter(
        pk=agreement.pk, status__in=[AgreementStatus.DRAFT, AgreementStatus.SENT]
    ).update(status=AgreementStatus.WITHDRAWN, closed_at=timezone.now())
    if not moved:
        raise AgreementError(_("Alleen een concept of een verstuurde overeenkomst kan worden ingetrokken."))
    agreement.status = AgreementStatus.WITHDRAWN
    _revoke_links(agreement)
    record(agreement, action="withdraw", summary=_("Ingetrokken"), actor=actor)
    record(
        agreement.placement,
        action="agreement",
        summary=_("Overeenkomst versie %(v)s ingetrokken") % {"v": agreement.version},
        actor=actor,
    )
    return agreement


def close_for_ended_placement(placement, actor=None) -> None:
    """A terminated placement's unsigned agreement is withdrawn, so its links stop working."""
    live = Agreement.objects.live().filter(
        placement=placement, status__in=[AgreementStatus.DRAFT, AgreementStatus.SENT]
    )
    for agreement in live:
        withdraw(agreement, actor=actor)


def renew_after_change(placement, changed_fields, actor=None) -> Agreement | None:
    """A contract field changed: the sent or signed version lapses, a new one is
    made and, when complete, sent to all parties again. Runs inside the
    transaction of placements.services.update_contract."""
    live = Agreement.objects.live().select_for_update().filter(placement=placement).first()
    if live is None:
        return None
    if live.status == AgreementStatus.DRAFT:
        return generate(placement, actor=actor)
    previous_host = live.requests.filter(party=Party.HOST).values("name", "email").first()
    Agreement.objects.filter(pk=live.pk).update(status=AgreementStatus.OUTDATED, closed_at=timezone.now())
    _revoke_links(live)
    labels = ", ".join(str(Placement._meta.get_field(f).verbose_name) for f in changed_fields)
    record(
        live,
        action="outdated",
        summary=_("Vervallen door een wijziging van de stage (%(f)s)") % {"f": labels},
        actor=actor,
    )
    fresh = Placement.objects.get(pk=placement.pk)
    if fresh.state == PlacementState.ACTIVE:
        placement_services.back_to_pending(
            fresh, actor=actor, reason=_("Gewijzigde overeenkomst moet opnieuw worden getekend")
        )
    agreement = generate(fresh, actor=actor)
    if agreement.is_complete and fresh.state in (PlacementState.AGREEMENT_PENDING, PlacementState.ACTIVE):
        ws = fresh.primary_workplace_supervisor
        host_signatory = None
        if previous_host and previous_host["email"] and (not ws or ws.email != previous_host["email"]):
            host_signatory = previous_host
        send(agreement, actor=actor, host_signatory=host_signatory)
    else:
        _tell_coordinators(
            agreement,
            subject=_("Nieuwe versie van de overeenkomst is niet compleet: %(s)s")
            % {"s": agreement.content.get("student_name", "")},
            template="agreements/mail/incomplete_version",
        )
    return agreement


def coordinators_of(department_id):
    return [
        m.user
        for m in Membership.objects.filter(
            department_id=department_id, role="coordinator", user__is_active=True
        )
        .select_related("user")
        .order_by("user__full_name")
    ]


def _tell_coordinators(agreement, *, subject, template, context=None):
    department = agreement.placement.plan.department
    for user in coordinators_of(department.pk):
        queue_mail(
            to_email=user.email,
            to_name=user.full_name,
            subject=subject,
            template=template,
            context={"agreement": agreement, "content": agreement.content, **(context or {})},
            related=agreement,
            department=department,
        )
