"""Telling staff about a new concern: who, not what (the details stay in the app)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from stagebeheer.mail import queue_mail
from stagebeheer.models import User


def notify_concern(concern, exclude=None):
    """Mail the department's coordinators and the placement's supervisor a link
    to the concern; the mail itself holds no details about the student."""
    recipients = {
        u.pk: u
        for u in User.objects.filter(
            memberships__department_id=concern.department_id, memberships__role="coordinator", is_active=True
        )
    }
    placement = concern.placement
    if placement is not None and placement.school_supervisor_id:
        supervisor = placement.school_supervisor
        recipients.setdefault(supervisor.pk, supervisor)
    if exclude is not None:
        recipients.pop(exclude.pk, None)

    url = settings.SITE_URL + reverse("visits:concern_detail", args=[concern.pk])
    for user in recipients.values():
        queue_mail(
            to_email=user.email,
            to_name=user.full_name,
            subject=_("Nieuwe zorgmelding"),
            template="visits/mail/concern_reported",
            context={"url": url, "kind": concern.get_kind_display(), "department": concern.department.name},
            related=concern,
            department=concern.department,
        )
