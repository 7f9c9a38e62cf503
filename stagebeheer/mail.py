"""Queue a message: store the row, then send it after the transaction commits."""

from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from stagebeheer.models import OutgoingMessage
from stagebeheer.queueing import delay_on_commit


def queue_mail(
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
    """Render ``<template>.txt`` (and ``<template>.html`` if it exists) in Dutch,
    store the message and queue its sending on commit."""
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
    message.save()
    send_on_commit(message.pk)
    return message


def send_on_commit(message_id: int) -> None:
    from stagebeheer.tasks import send_message

    delay_on_commit(send_message, message_id)
