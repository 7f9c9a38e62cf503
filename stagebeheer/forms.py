from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from stagebeheer.formlimits import LimitsMixin
from stagebeheer.mail import queue_mail
from stagebeheer.mail_tokens import reset_placeholder


class OutboxPasswordResetForm(LimitsMixin, PasswordResetForm):
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
        # The stored mail holds a placeholder; the sending task puts in a fresh
        # reset token, so the outbox and the database never hold a working one.
        context = {k: v for k, v in context.items() if k not in ("token", "uid")}
        context["reset_path"] = reset_placeholder(context["user"].pk)
        queue_mail(
            to_email=to_email,
            to_name=context["user"].full_name,
            subject=subject,
            template="mail/password_reset",
            context=context,
        )


class EmailLoginForm(LimitsMixin, AuthenticationForm):
    """Log in with the e-mail address (case-insensitive; only the password is
    case-sensitive, which Django's stock message gets wrong for us)."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Let op: het wachtwoord is hoofdlettergevoelig."
        ),
    }


class LimitedSetPasswordForm(LimitsMixin, SetPasswordForm):
    """The password-reset page's form, with the project's field limits."""
