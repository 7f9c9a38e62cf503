"""Reminders for linked forms still open 5 and 10 days after they opened.

Each step claims its batch of forms by setting its own timestamp (rows locked,
those another worker holds skipped), so a second run or two beat processes send
each reminder once. A fixed number of queries per step whatever the number."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from assessments.models import Assessment, Party
from assessments.opening import send_links
from stagebeheer.claims import claim_batch

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
        with transaction.atomic():
            sent[days] = send_links(claim_batch(due(days, now), BATCH, **{field: now}), reminder=True)
    return sent
