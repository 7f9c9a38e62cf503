"""The coordinator's list of who read what: her departments only."""

import pytest

from audit.models import ReadKind
from audit.reads import record_read
from tests.factories.visits import ConcernFactory

pytestmark = pytest.mark.django_db


class As:
    def __init__(self, user):
        self.user = user


def test_the_coordinator_sees_reads_in_her_departments_only(
    login, coordinator, supervisor, placement, foreign_placement
):
    ours = ConcernFactory(placement=placement)
    theirs = ConcernFactory(placement=foreign_placement)
    record_read(As(supervisor), ours, ReadKind.CONCERN, label="onze melding")
    record_read(As(supervisor), theirs, ReadKind.CONCERN, label="hun melding")
    text = login(coordinator).get("/audit/inzages/").content.decode()
    assert "onze melding" in text
    assert "hun melding" not in text


@pytest.mark.parametrize("persona", ["supervisor", "leader", "mentor"])
def test_other_roles_may_not_see_the_list(request, login, persona):
    assert login(request.getfixturevalue(persona)).get("/audit/inzages/").status_code == 403


def test_an_unknown_filter_shows_everything_not_an_error(login, coordinator):
    assert login(coordinator).get("/audit/inzages/?kind=<script>&page=abc").status_code == 200
