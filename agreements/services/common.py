"""Shared pieces of the agreement workflow: errors, lookups, links, coordinators."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from agreements.models import Agreement, SignatureRequest
from placements.models import Placement
from stagebeheer.mail import queue_mails
from stagebeheer.models import AccessLink, Membership

LINK_PURPOSE = "agreement-sign"
COPY_LINK_PURPOSE = "agreement-copy"  # read the signed agreement afterwards


class AgreementError(ValidationError):
    """An action that is not possible now; the message says why, in Dutch."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _placement_qs():
    return Placement.objects.select_related(
        "plan__department__school", "host", "student", "school_supervisor", "school_trainer", "replaces"
    ).prefetch_related("supervisor_links__workplace_supervisor", "student__guardians")


def current_agreement(placement) -> Agreement | None:
    return Agreement.objects.live().filter(placement=placement).first()


def coordinators_of(department_id):
    return coordinators_by_department([department_id]).get(department_id, [])


def coordinators_by_department(department_ids) -> dict:
    """{department id: its active coordinators by name}, one query."""
    found = {}
    for m in (
        Membership.objects.filter(
            department_id__in=list(department_ids), role="coordinator", user__is_active=True
        )
        .select_related("user")
        .order_by("user__full_name", "pk")
    ):
        found.setdefault(m.department_id, []).append(m.user)
    return found


def _tell_coordinators(agreement, *, subject, template, context=None):
    _tell_coordinators_many([(agreement, subject, template, context)])


def _tell_coordinators_many(notes) -> None:
    """Each (agreement, subject, template, context) to its department's
    coordinators: one query for the coordinators, one INSERT of mails."""
    notes = list(notes)
    coordinators = coordinators_by_department({n[0].placement.plan.department_id for n in notes})
    queue_mails(
        {
            "to_email": user.email,
            "to_name": user.full_name,
            "subject": subject,
            "template": template,
            "context": {"agreement": agreement, "content": agreement.content, **(context or {})},
            "related": agreement,
            "department": agreement.placement.plan.department,
        }
        for agreement, subject, template, context in notes
        for user in coordinators.get(agreement.placement.plan.department_id, [])
    )


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


def client_ip(request) -> str | None:
    # Through the trusted-proxy setting, so behind a load balancer the signer's
    # address is recorded, not the balancer's.
    from stagebeheer.client_address import client_address

    return client_address(request)
