from django.contrib.auth.forms import PasswordResetForm
from django.template.loader import render_to_string

from stagebeheer.mail import queue_mail


class OutboxPasswordResetForm(PasswordResetForm):
    """Password reset mail goes through the outbox like every other message."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        queue_mail(
            to_email=to_email,
            to_name=context["user"].full_name,
            subject=subject,
            template="mail/password_reset",
            context=context,
        )
