"""A supervisor's secret calendar URL (ICS) of their planned moments."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from stagebeheer.models.access_links import hash_token


class CalendarFeed(models.Model):
    """Only the token's hash is stored; a new token revokes the old URL."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"feed of {self.user_id}"

    @classmethod
    def renew(cls, user) -> str:
        """Make (or replace) the user's feed; returns the token, shown once."""
        token = secrets.token_urlsafe(32)
        cls.objects.update_or_create(
            user=user, defaults={"token_hash": hash_token(token), "created_at": timezone.now()}
        )
        return token

    @staticmethod
    def url_for(token: str) -> str:
        return settings.SITE_URL + reverse("visits:calendar_feed", args=[token])
