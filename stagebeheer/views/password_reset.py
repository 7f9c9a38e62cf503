from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render

from stagebeheer.client_address import client_address
from stagebeheer.forms import OutboxPasswordResetForm
from stagebeheer.models import GuessCounter


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Password-reset requests are limited per client address, so nobody floods
    colleagues' mailboxes (or the outbox) with reset mails."""

    form_class = OutboxPasswordResetForm

    def post(self, request, *args, **kwargs):
        key = f"password-reset:{client_address(request) or 'unknown'}"
        window = settings.PASSWORD_RESET_WINDOW
        if GuessCounter.current(key, window) >= settings.PASSWORD_RESETS_PER_ADDRESS:
            return render(request, "registration/password_reset_throttled.html", status=429)
        GuessCounter.note(key, window)
        return super().post(request, *args, **kwargs)
