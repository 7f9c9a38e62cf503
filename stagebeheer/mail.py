"""Queue messages: store the rows, then send them after the transaction commits."""

from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from stagebeheer.models import OutgoingMessage
from stagebeheer.queueing import delay_many_on_commit


def queue_mail(**mail) -> OutgoingMessage:
    """One message; see ``queue_mails`` for the keys."""
    return queue_mails([mail])[0]


def queue_mails(mails) -> list[OutgoingMessage]:
    """Render each mail's ``<template>.txt`` (and ``<template>.html`` if it exists)
    in Dutch, store the messages in one INSERT and queue their sending on commit
    (one callback for all). Each mail is a dict with to_email, subject, template
    and optionally context, to_name, related, department or department_id."""
    messages = [_message(**mail) for mail in mails]
    if messages:
        OutgoingMessage.objects.bulk_create(messages)
        send_on_commit(*[message.pk for message in messages])
    return messages


def _message(
    *,
    to_email,
    subject,
    template,
    context=None,
    to_name="",
    related=None,
    department=None,
    department_id=None,
) -> OutgoingMessage:
    context = {"to_name": to_name, **(context or {})}
    # Recipients without an account read Dutch, whatever the sender's language.
    with translation.override("nl"):
        body_text = render_to_string(f"{template}.txt", context)
        try:
            body_html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:  # the HTML part is optional
            body_html = ""
    message = OutgoingMessage(
        to_email=to_email,
        to_name=to_name,
        subject=str(subject)[:200],
        body_text=body_text,
        body_html=body_html,
        department_id=department.pk if department is not None else department_id,
    )
    if related is not None:
        message.set_related(related)
    return message


def send_on_commit(*message_ids: int) -> None:
    from stagebeheer.tasks import send_message

    delay_many_on_commit(send_message, message_ids)
