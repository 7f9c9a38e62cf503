"""The demo seed fills the evaluations and can run twice without duplicates."""

from io import StringIO

import pytest
from django.core.management import call_command

from evaluations.models import (
    EvaluationAnswer,
    EvaluationInvitation,
    EvaluationResponse,
    HostReview,
    PlanReview,
)

pytestmark = pytest.mark.django_db


def _counts():
    return (
        EvaluationInvitation.objects.count(),
        EvaluationResponse.objects.count(),
        EvaluationAnswer.objects.count(),
        HostReview.objects.count(),
        PlanReview.objects.count(),
    )


def test_the_seed_fills_evaluations_and_runs_twice_without_duplicates(settings):
    settings.DEMO_SEED_ALLOWED = True
    call_command("seed_demo", stdout=StringIO())
    first = _counts()
    assert first[1] > 0
    assert first[3] > 0
    assert first[4] > 0
    assert EvaluationInvitation.objects.open().exists()  # some are left to answer in the demo
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first
