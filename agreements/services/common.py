"""Shared pieces of the agreement workflow: errors, lookups, links, coordinators."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from agreements.models import Agreement, SignatureRequest
from placements.models import Placement
from stagebeheer.mail import queue_mail
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
