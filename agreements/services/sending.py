"""Sending a complete agreement: who signs for each party, links and mail."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from agreements import elements
from agreements.models import Agreement, AgreementStatus, Party, SignatureRequest
from agreements.services.common import LINK_PURPOSE, AgreementError, _placement_qs
from agreements.wording import stage_word
from placements import services as placement_services
from placements.models import PlacementState
from stagebeheer.history import line, record
from stagebeheer.mail import queue_mails
from stagebeheer.models import AccessLink


def signers_for(agreement: Agreement, actor=None, host_signatory=None, school_signatory=None) -> list[dict]:
    """Who signs for each party. Host and student (or guardian) sign by link; the
    school signs in the app (the coordinator), or by link when a named signatory is given."""
    facts = elements.Facts(_placement_qs().get(pk=agreement.placement_id))
    ws = facts.workplace_supervisor
    host = host_signatory or ({"name": ws.name, "email": ws.email} if ws else {"name": "", "email": ""})
    if facts.guardian_signs:
        g = facts.guardian
        student = {
            "name": g.name if g else "",
            "email": g.email if g else "",
            "role_label": _("ouder/verzorger van %(name)s") % {"name": facts.student.full_name},
        }
    else:
        learner = _("student") if agreement.kind in ("mbo", "ho") else _("leerling")
        student = {"name": facts.student.full_name, "email": facts.student.email, "role_label": learner}
    on_behalf = _("namens %(school)s") % {"school": facts.school.name}
    if school_signatory:
        school = {**school_signatory, "role_label": on_behalf, "by_link": True}
    else:
        name = actor.full_name if actor and getattr(actor, "is_authenticated", False) else ""
        school = {
            "name": name or _("stagecoördinator"),
            "email": actor.email if name else "",
            "role_label": on_behalf,
            "by_link": False,
        }
    return [
        {"party": Party.SCHOOL, **school},
        {
            "party": Party.HOST,
            "name": host["name"],
            "email": host["email"],
            "role_label": _("namens %(host)s") % {"host": facts.host.name},
            "by_link": True,
        },
        {"party": Party.STUDENT, **student, "by_link": True},
    ]


def _is_stale(agreement: Agreement) -> bool:
    """A draft made before the placement, plan or host changed would send old terms."""
    from agreements.services.generating import build_content

    fresh, _problems = build_content(
        _placement_qs().get(pk=agreement.placement_id), agreement.template, agreement.version
    )
    return fresh["articles"] != agreement.content.get("articles") or fresh[
        "parties"
    ] != agreement.content.get("parties")


def _issue_link(req: SignatureRequest, actor=None, reminder=False) -> None:
    _issue_links([req], actor, reminder)


def _issue_links(requests, actor=None, reminder=False) -> None:
    """A link and a mail for each signer: one INSERT of links and one of mails
    (the requests come with agreement__placement__plan__department)."""
    if reminder:
        # One working link per signer: the reminder's fresh link ends the earlier one.
        AccessLink.revoke_usable(requests, LINK_PURPOSE)
    creator = actor if actor and getattr(actor, "is_authenticated", False) else None
    issued = AccessLink.issue_many(
        {
            "purpose": LINK_PURPOSE,
            "target": req,
            "recipient_name": req.name,
            "recipient_email": req.email,
            "department": req.agreement.placement.plan.department,
            "created_by": creator,
            "recipient_role": str(Party(req.party).label)[:40],
        }
        for req in requests
    )
    queue_mails(_sign_mail(req, link, reminder) for req, (link, _token) in zip(requests, issued, strict=True))


def _sign_mail(req: SignatureRequest, link, reminder) -> dict:
    agreement = req.agreement
    subject = (_("Herinnering: ") if reminder else "") + _("%(title)s ter ondertekening: %(student)s") % {
        "title": agreement.content.get("title", ""),
        "student": agreement.content.get("student_name", ""),
    }
    return {
        "to_email": req.email,
        "to_name": req.name,
        "subject": subject,
        "template": "agreements/mail/sign_request",
        "context": {
            "url": link.mail_url,
            "link": link,
            "request": req,
            "content": agreement.content,
            "reminder": reminder,
            "stage": stage_word(agreement.kind),
        },
        "related": agreement,
        "department": agreement.placement.plan.department,
    }


def _note_what_changed(agreement: Agreement) -> None:
    """A later version names the version it replaces and what changed since it was sent,
    so the mail can say so and no party has to compare two PDFs."""
    from agreements.services.changes import changes_between

    previous = (
        Agreement.objects.filter(placement_id=agreement.placement_id, version__lt=agreement.version)
        .exclude(sent_at=None)
        .order_by("-version")
        .only("version", "content")
        .first()
    )
    if previous is None:
        return
    agreement.content["replaces_version"] = previous.version
    agreement.content["changes"] = changes_between(previous.content, agreement.content)


@transaction.atomic
def send(agreement: Agreement, actor=None, host_signatory=None, school_signatory=None) -> Agreement:
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
    if _is_stale(agreement):
        raise AgreementError(
            _("De gegevens zijn gewijzigd sinds dit concept werd opgesteld. Stel de overeenkomst opnieuw op.")
        )
    signers = signers_for(agreement, actor, host_signatory, school_signatory)
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
    _note_what_changed(agreement)
    Agreement.objects.filter(pk=agreement.pk).update(
        status=AgreementStatus.SENT, sent_at=now, content=agreement.content
    )
    agreement.status, agreement.sent_at = AgreementStatus.SENT, now
    for signer in signers:
        req = SignatureRequest.objects.create(
            agreement=agreement,
            party=signer["party"],
            name=signer["name"][:150],
            email=signer["email"],
            role_label=str(signer["role_label"])[:150],
            sent_at=now,
            by_link=signer["by_link"],
        )
        if signer["by_link"]:
            _issue_link(req, actor)
    if placement.state == PlacementState.DRAFT:
        placement_services.send_for_agreement(placement, actor=actor)
    record(agreement, action="send", summary=line(gettext_noop("Verstuurd ter ondertekening")), actor=actor)
    record(
        placement,
        action="agreement",
        summary=line(
            gettext_noop("Overeenkomst versie %(v)s verstuurd ter ondertekening"), v=agreement.version
        ),
        actor=actor,
    )
    return agreement
