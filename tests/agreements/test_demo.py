"""The demo seed gives agreements in every state, consistent with each placement."""

import pytest
from django.core.management import call_command

from agreements.models import Agreement, AgreementStatus, CooperationAgreement
from placements.models import Placement, PlacementState

pytestmark = pytest.mark.django_db


def test_the_demo_has_agreements_in_every_state_and_runs_twice(capsys):
    call_command("seed_demo")
    counts = (Agreement.objects.count(), CooperationAgreement.objects.count())
    call_command("seed_demo")
    assert (Agreement.objects.count(), CooperationAgreement.objects.count()) == counts
    assert Placement.objects.exists()
    assert set(Agreement.objects.values_list("status", flat=True)) == set(AgreementStatus.values)
    for placement in Placement.objects.all():
        live = Agreement.objects.live().filter(placement=placement).first()
        if placement.state == PlacementState.AGREEMENT_PENDING:
            assert live.status == AgreementStatus.SENT
        if placement.state in (PlacementState.ACTIVE, PlacementState.COMPLETED):
            assert live.status == AgreementStatus.SIGNED
            assert live.signed_parties() == {"school", "host", "student"}
