"""Every signer gets the signed agreement: a mail with a lasting link to the sealed PDF,
sent once per signer when the signed copy has been rendered."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, AgreementStatus, Party, PdfStatus, SignatureRequest
from agreements.services.common import COPY_LINK_PURPOSE
from stagebeheer.mail import queue_mail
from stagebeheer.models import AccessLink


def deliver_signed_copies(agreement_id: int) -> int:
    """Mail each signer with an address the link to the signed PDF; returns how many were sent.
    A retried task sends nobody twice: each request is claimed by a conditional UPDATE."""
    agreement = Agreement.objects.select_related("placement__plan__department").get(pk=agreement_id)
    if agreement.status != AgreementStatus.SIGNED or agreement.signed_pdf_status != PdfStatus.DONE:
        return 0
    department = agreement.placement.plan.department
    sent = 0
    for req in agreement.requests.exclude(email="").filter(copy_sent_at=None):
        with transaction.atomic():
            if not SignatureRequest.objects.filter(pk=req.pk, copy_sent_at=None).update(
                copy_sent_at=timezone.now()
            ):
                continue
            link, _token = AccessLink.issue(
                purpose=COPY_LINK_PURPOSE,
                target=req,
                recipient_name=req.name,
                recipient_email=req.email,
                department=department,
                days=settings.SIGNED_COPY_LINK_DAYS,
                recipient_role=str(Party(req.party).label)[:40],
            )
            queue_mail(
                to_email=req.email,
                to_name=req.name,
                subject=_("Ondertekend: %(title)s voor %(student)s")
                % {
                    "title": agreement.content.get("title", ""),
                    "student": agreement.content.get("student_name", ""),
                },
                template="agreements/mail/signed_copy",
                context={
                    "url": link.mail_url,
                    "link": link,
                    "content": agreement.content,
                    "agreement": agreement,
                    "verify_url": settings.SITE_URL + reverse("agreements:verify"),
                },
                related=agreement,
                department=department,
            )
        sent += 1
    return sent
