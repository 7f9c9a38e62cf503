"""Signing: by link, in the app, or on paper; the last signature starts the stage."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from agreements.models import Agreement, AgreementStatus, Party, PdfStatus, Signature, SignatureMethod
from agreements.services.common import AgreementError, _revoke_links, client_ip, current_agreement, sha256_of
from placements import services as placement_services
from placements.models import Placement, PlacementState
from stagebeheer.history import line, record
from stagebeheer.queueing import delay_on_commit


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
        if method != SignatureMethod.PAPER and shown_sha256 != agreement.pdf_sha256:
            # Missing or stale: the signer did not see this document.
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
            summary=line(
                gettext_noop("Ondertekend door %(name)s (%(party)s)"), name=name, party=Party(party).label
            ),
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
    record(
        agreement, action="signed", summary=line(gettext_noop("Door alle partijen ondertekend")), actor=actor
    )
    from agreements.tasks import render_signed_pdf

    pk = agreement.pk
    delay_on_commit(render_signed_pdf, pk)
    placement = Placement.objects.get(pk=agreement.placement_id)
    if placement.state == PlacementState.AGREEMENT_PENDING:
        placement_services.activate(placement, actor=actor)
    return True


def sign_in_app(agreement: Agreement, user, name: str, request=None, shown_sha256: str = "") -> Signature:
    """A coordinator signs for the school inside the app, for the document shown."""
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
        shown_sha256=shown_sha256,
    )


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
            summary=line(
                gettext_noop("Getekende scan geüpload voor: %(p)s"),
                p=[Party(p).label for p in parties],
            ),
            actor=actor,
        )
        _revoke_links(locked, parties)
        _complete_if_all_signed(locked, actor=actor)
    return locked
