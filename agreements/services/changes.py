"""Changes after sending: withdrawal, a terminated stage, a changed contract."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from agreements.models import Agreement, AgreementStatus, Party
from agreements.services.common import AgreementError, _revoke_links, _tell_coordinators
from agreements.services.generating import generate
from agreements.services.sending import send
from placements import services as placement_services
from placements.models import Placement, PlacementState
from stagebeheer.history import line, record


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
    record(agreement, action="withdraw", summary=line(gettext_noop("Ingetrokken")), actor=actor)
    record(
        agreement.placement,
        action="agreement",
        summary=line(gettext_noop("Overeenkomst versie %(v)s ingetrokken"), v=agreement.version),
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
    labels = [Placement._meta.get_field(f).verbose_name for f in changed_fields]
    record(
        live,
        action="outdated",
        summary=line(gettext_noop("Vervallen door een wijziging van de stage (%(f)s)"), f=labels),
        actor=actor,
    )
    fresh = Placement.objects.get(pk=placement.pk)
    if fresh.state == PlacementState.ACTIVE:
        placement_services.back_to_pending(
            fresh,
            actor=actor,
            reason=line(gettext_noop("Gewijzigde overeenkomst moet opnieuw worden getekend")),
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


def _short(value) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= 300 else text[:299] + "…"


def changes_between(old: dict, new: dict) -> list[dict]:
    """Per article whose text differs: its heading, the old and the new text."""
    before = {a["key"]: a for a in old.get("articles", [])}
    changes = []
    for article in new.get("articles", []):
        was = before.pop(article["key"], None)
        old_value = was["value"] if was else ""
        if old_value != article["value"]:
            changes.append(
                {"heading": article["heading"], "old": _short(old_value), "new": _short(article["value"])}
            )
    for gone in before.values():
        changes.append({"heading": gone["heading"], "old": _short(gone["value"]), "new": ""})
    return changes
