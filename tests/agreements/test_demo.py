"""The demo seed gives agreements in every state, consistent with each placement."""

import pytest
from django.core.management import call_command

from agreements.models import Agreement, AgreementStatus, CooperationAgreement
from placements.demo import YEAR
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
    # Teacher education (issue 10.27): the pabo placements have their schoolopleider,
    # listed on the agreement, and the student signs without a guardian.
    pabo = Placement.objects.filter(plan__kind="teacher_education", plan__school_year=YEAR)
    assert pabo.exists()
    assert not pabo.filter(school_trainer__isnull=True).exists()
    for agreement in Agreement.objects.filter(placement__in=pabo).exclude(content__articles=None):
        keys = [a["key"] for a in agreement.content["articles"]]
        assert "school_trainer" in keys
        assert not agreement.requests.filter(role_label__icontains="ouder").exists()


def test_an_ended_stage_gets_no_new_agreement(make_placement):
    """Issue 10.29: generate() has no demo flag; a completed stage is refused, always."""
    from agreements import services
    from agreements.services.common import AgreementError

    placement = make_placement("vo")
    Placement.objects.filter(pk=placement.pk).update(state=PlacementState.COMPLETED)
    with pytest.raises(AgreementError):
        services.generate(placement)
    with pytest.raises(TypeError):
        services.generate(placement, allow_ended=True)
    assert not Agreement.objects.filter(placement=placement).exists()
