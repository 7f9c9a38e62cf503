"""The link form, the comparison page and the placement and plan panels run the
same number of queries with 10 and with 1,000 assessments in the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment
from assessments.opening import open_round, send_link
from assessments.presets import apply_default
from stagebeheer.models import OutgoingMessage
from tests.assessments.conftest import running_placement
from tests.assessments.growth import grow_assessments
from tests.querycount import assert_fixed_queries
from tests.sent_links import token_sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    placement = running_placement(department, supervisor)
    setup = apply_default(placement.plan)
    open_round(placement, setup.rounds.get(kind="interim"))
    open_round(placement, setup.rounds.get(kind="final"))
    return placement


def _grow(placement, supervisor, submitted=True):
    setup = placement.plan.assessment_setup
    rnd = setup.rounds.get(kind="final")

    def grow():
        grow_assessments(placement.plan, supervisor, placement.host, 1000, rnd, setup.framework, submitted)

    grow_assessments(placement.plan, supervisor, placement.host, 10, rnd, setup.framework, submitted)
    return grow


@pytest.mark.parametrize(
    "url_name", ["assessments:compare", "assessments:placement_assessments", "placements:placement_detail"]
)
def test_placement_pages_are_pinned(login, coordinator, supervisor, placement, url_name):
    grow = _grow(placement, supervisor)
    assert_fixed_queries(login(coordinator), reverse(url_name, args=[placement.pk]), grow)


def test_the_plan_page_is_pinned(login, coordinator, supervisor, placement):
    grow = _grow(placement, supervisor)
    assert_fixed_queries(
        login(coordinator), reverse("placements:plan_detail", args=[placement.plan_id]), grow
    )


def _token(assessment):
    OutgoingMessage.objects.all().delete()
    send_link(assessment)
    return token_sent_to(OutgoingMessage.objects.get().to_email)


def _post_count(client, url, data):
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(url, data)
    assert response.status_code == 200, response.status_code
    return len(ctx.captured_queries)


def test_the_link_form_get_and_draft_post_are_pinned(client, supervisor, placement):
    form = Assessment.objects.get(placement=placement, party="workplace", round__kind="final")
    url = f"/l/{_token(form)}/"
    grow = _grow(placement, supervisor)
    assert_fixed_queries(client, url, grow)
    level = form.framework.scale.levels.first()
    competencies = list(form.framework.competencies.all())

    def data(revision):
        return {
            "revision": revision,
            "tops": "",
            "tips": "",
            **{f"level_{c.pk}": level.pk for c in competencies},
        }

    small = _post_count(client, f"{url}draft/", data(0))
    grow()
    large = _post_count(client, f"{url}draft/", data(1))
    assert small == large <= 12  # issue 16's cap for every page
    # What the page shows after the save is what was stored (it is not read back).
    form.refresh_from_db()
    assert form.revision == 2
    assert form.status == "draft"
    assert form.scores.count() == len(competencies)
