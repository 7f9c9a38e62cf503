"""No flow that mails a link stores a working token (issue 9.1).

Each flow below mails links; after the mails went out, an attacker with the
database (or a backup, or the outbox page) reads every stored text and tries
every token-shaped string in it. The tokens that went out must appear nowhere,
and nothing found may open a link.
"""

import re
from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from stagebeheer.models import AccessLink
from stagebeheer.models.access_links import hash_token
from tests.factories.placements import HostFactory, PlacementPlanFactory, StudentFactory
from tests.sent_links import every_stored_text, tokens_sent

pytestmark = pytest.mark.django_db

TOKEN_SHAPED = re.compile(r"[A-Za-z0-9_-]{20,}")
LINK_PATH = re.compile(r"/l/([^/\s<>\"']+)/")


def _assessment_round(department, coordinator, supervisor):
    from assessments.opening import open_round
    from assessments.presets import apply_default
    from tests.assessments.conftest import running_placement

    placement = running_placement(department, supervisor)
    open_round(placement, apply_default(placement.plan).rounds.get(kind="final"), actor=coordinator)


def _stageboek_link(department, coordinator, supervisor):
    from assessments import stageboek
    from tests.assessments.stageboek_helpers import stageboek_placement

    assert stageboek.send_link(stageboek_placement(department, supervisor), actor=coordinator)


def _wish_round(department, coordinator, supervisor):
    from placements import wish_rounds

    plan = PlacementPlanFactory(department=department, year_group=3)
    HostFactory(school=department.school)
    StudentFactory(department=department, year_group=3)
    today = timezone.localdate()
    wish_rounds.open_round(
        plan,
        title="Wensronde",
        start_date=today + timedelta(days=30),
        end_date=today + timedelta(days=44),
        closes_on=today + timedelta(days=10),
        actor=coordinator,
    )


def _staff_invitation(department, coordinator, supervisor):
    from stagebeheer import team

    team.invite(
        coordinator,
        department=department,
        email="nieuw@school.example",
        full_name="Nina Nieuw",
        role="mentor",
    )


def _evaluation_invitation(department, coordinator, supervisor):
    from tests.evaluations.conftest import finished_placement

    finished_placement(department, supervisor)


FLOWS = [_assessment_round, _stageboek_link, _wish_round, _staff_invitation, _evaluation_invitation]


@pytest.mark.parametrize("flow", FLOWS, ids=lambda f: f.__name__.strip("_"))
def test_after_the_mails_went_out_no_stored_text_holds_a_working_token(
    flow, department, coordinator, supervisor, client, mailoutbox
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        flow(department, coordinator, supervisor)
    sent = tokens_sent()
    hashes = set(AccessLink.objects.values_list("token_hash", flat=True))
    assert sent, "the flow mailed no link"
    assert all(hash_token(token) in hashes for token in sent)  # the mailed links work

    for table, text in every_stored_text():
        for token in sent:
            assert token not in text, f"a mailed token is stored in {table}"
        for candidate in TOKEN_SHAPED.findall(text):
            assert hash_token(candidate) not in hashes, f"a working link token is stored in {table}"
        # The attack itself: open whatever stored text holds as a link.
        for candidate in LINK_PATH.findall(text):
            assert client.get(f"/l/{candidate}/").status_code != 200, f"a link stored in {table} opens"
