"""Reminders for linked forms still open 5 and 10 days after they opened.

Each step is claimed per form with a conditional UPDATE on its own timestamp,
so a second run (or two beat processes) sends each reminder once."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from assessments.models import Assessment, Party
from assessments.opening import send_link

STEPS = {5: "reminded_first_at", 10: "reminded_second_at"}
BATCH = 500


def due(days, now=None):
    now = now or timezone.now()
    field = STEPS[days]
    queryset = (
        Assessment.objects.open()
        .filter(
            opened_at__lte=now - timedelta(days=days), placement__state="active", **{f"{field}__isnull": True}
        )
        .exclude(party=Party.SCHOOL)
        .select_related("placement__student", "placement__host", "placement__plan__department", "round")
        .order_by("pk")
    )
    if days == 10:
        # The second reminder only after the first, never both on one morning.
        queryset = queryset.filter(
            reminded_first_at__isnull=False, reminded_first_at__lte=now - timedelta(days=1)
        )
    return queryset


def send_reminders(now=None) -> dict:
    now = now or timezone.now()
    sent = {}
    for days, field in STEPS.items():
        count = 0
        for assessment in due(days, now)[:BATCH]:
            with transaction.atomic():
                if not Assessment.objects.filter(pk=assessment.pk, **{f"{field}__isnull": True}).update(
                    **{field: now}
                ):
                    continue
                count += send_link(assessment, reminder=True)
        sent[days] = count
    return sent
