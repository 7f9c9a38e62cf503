"""`make demo` shows an open wish round with wishes, a chase list and a proposal; twice is once."""

import pytest
from django.core.management import call_command

from placements.models import (
    Host,
    HostStatus,
    OwnFind,
    OwnFindState,
    Wish,
    WishParticipant,
    WishRound,
    WishRoundState,
)

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_round_with_wishes_and_a_proposal_and_can_run_twice():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: PTH123, SIM115
    counts = (
        WishRound.objects.count(),
        WishParticipant.objects.count(),
        Wish.objects.count(),
        OwnFind.objects.count(),
    )
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: PTH123, SIM115
    assert (
        WishRound.objects.count(),
        WishParticipant.objects.count(),
        Wish.objects.count(),
        OwnFind.objects.count(),
    ) == counts
    round_ = WishRound.objects.get()
    assert round_.state == WishRoundState.OPEN
    assert round_.is_open
    assert round_.proposal_run_at is not None
    participants = list(round_.participants.all())
    assert any(p.submitted_at is None for p in participants)  # someone still to chase
    assert sum(1 for p in participants if p.proposed_host_id) >= 7
    # An own find awaits approval at a new host "te controleren", and keeps its student out of the run.
    own = OwnFind.objects.select_related("host", "participant").get(participant__round=round_)
    assert own.state == OwnFindState.SUBMITTED
    assert own.host.status == HostStatus.TO_CHECK
    assert own.participant.proposal_reason == "own_find"
    assert Host.objects.filter(name=own.host.name).count() == 1
    duo = [p for p in participants if p.proposal_reason == "duo"]
    assert len(duo) == 2
    assert duo[0].proposed_host_id == duo[1].proposed_host_id
