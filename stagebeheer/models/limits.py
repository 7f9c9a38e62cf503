"""Counters for rate limits that must hold across worker processes and
machines with or without Redis: a row per key, bumped with a conditional UPDATE."""

from datetime import timedelta

from django.db import models
from django.db.models import F
from django.utils import timezone


class GuessCounter(models.Model):
    """Unknown link tokens tried from one client address within a window."""

    key = models.CharField(max_length=100, unique=True)
    window_started_at = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "guess counter"

    def __str__(self):
        return f"{self.key}: {self.count}"

    @classmethod
    def current(cls, key: str, window_seconds: int) -> int:
        cutoff = timezone.now() - timedelta(seconds=window_seconds)
        return (
            cls.objects.filter(key=key, window_started_at__gt=cutoff).values_list("count", flat=True).first()
            or 0
        )

    @classmethod
    def note(cls, key: str, window_seconds: int) -> None:
        now = timezone.now()
        cutoff = now - timedelta(seconds=window_seconds)
        # Atomic in the database, so two workers counting at once both count.
        if cls.objects.filter(key=key, window_started_at__gt=cutoff).update(count=F("count") + 1):
            return
        if cls.objects.filter(key=key, window_started_at__lte=cutoff).update(window_started_at=now, count=1):
            return
        cls.objects.filter(window_started_at__lte=cutoff).delete()  # tidy up old windows now and then
        _, created = cls.objects.get_or_create(key=key, defaults={"window_started_at": now, "count": 1})
        if not created:  # another worker created it between our UPDATE and INSERT
            cls.objects.filter(key=key).update(count=F("count") + 1)
