"""A placement's assessment pages for every role: rounds and forms, the school
supervisor's own form, the comparison, and the coordinator's open / resend / revoke."""

import pytest
from django.urls import reverse

from assessments.models import Assessment, Score
from assessments.opening import open_round
from assessments.presets import apply_default
from stagebeheer.models import AccessLink, OutgoingMessage
from tests.assessments.conftest import running_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    placement = running_placement(department, supervisor)
    apply_default(placement.plan)
    return placement


@pytest.fixture
def other_placement(department, other_supervisor, placement):
    return running_placement(department, other_supervisor, plan=placement.plan)


def _final(placement):
    return placement.plan.assessment_setup.rounds.get(kind="final")


def _interim(placement):
    return placement.plan.assessment_setup.rounds.get(kind="interim")


def _submit(assessment, labels):
    """Store a submitted assessment with the given level label per competency (in order)."""
    from django.utils import timezone

    levels = {lvl.label: lvl for lvl in assessment.framework.scale.levels.all()}
    for competency, label in zip(assessment.framework.competencies.all(), labels, strict=False):
        Score.objects.create(assessment=assessment, competency=competency, level=levels[label])
    Assessment.objects.filter(pk=assessment.pk).update(status="submitted", submitted_at=timezone.now())


def test_the_school_supervisor_fills_in_their_form_in_the_app(login, supervisor, placement):
    open_round(placement, _final(placement))
    own = Assessment.objects.get(placement=placement, party="school")
    client = login(supervisor)
    assert client.get(reverse("assessments:fill", args=[own.pk])).status_code == 200
    level = own.framework.scale.levels.get(label="goed")
    data = {"revision": 0, "tops": "", "tips": ""}
    data.update({f"level_{c.pk}": level.pk for c in own.framework.competencies.all()})
    assert client.post(reverse("assessments:fill_draft", args=[own.pk]), data).status_code == 302
    data["revision"] = 1
    response = client.post(reverse("assessments:fill_submit", args=[own.pk]), data)
    assert response.url == reverse("assessments:compare", args=[placement.pk])
    own.refresh_from_db()
    assert own.status == "submitted"
    assert own.submitted_by == supervisor
    # A double submit changes nothing and says so.
    again = client.post(reverse("assessments:fill_submit", args=[own.pk]), data)
    assert again.status_code == 409


def test_a_supervisor_cannot_fill_in_the_workplace_supervisors_form(login, supervisor, placement):
    open_round(placement, _final(placement))
    theirs = Assessment.objects.get(placement=placement, party="workplace")
    assert login(supervisor).get(reverse("assessments:fill", args=[theirs.pk])).status_code == 403


def test_another_supervisor_gets_404_on_every_page(login, other_supervisor, placement):
    open_round(placement, _final(placement))
    own = Assessment.objects.get(placement=placement, party="school")
    client = login(other_supervisor)
    for url in (
        reverse("assessments:placement_assessments", args=[placement.pk]),
        reverse("assessments:compare", args=[placement.pk]),
        reverse("assessments:fill", args=[own.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("assessments:fill_submit", args=[own.pk]), {"revision": 0}).status_code == 404
    assert client.post(reverse("assessments:resend", args=[own.pk])).status_code == 404


def test_an_outsider_gets_404(login, outsider, placement):
    client = login(outsider)
    assert client.get(reverse("assessments:compare", args=[placement.pk])).status_code == 404
    response = client.post(reverse("assessments:round_open", args=[placement.pk, _final(placement).pk]))
    assert response.status_code == 404
    assert not Assessment.objects.exists()


def test_a_leader_reads_the_pages_but_cannot_fill_in_open_or_resend(login, leader, placement):
    open_round(placement, _final(placement))
    own = Assessment.objects.get(placement=placement, party="school")
    theirs = Assessment.objects.get(placement=placement, party="workplace")
    client = login(leader)
    assert client.get(reverse("assessments:placement_assessments", args=[placement.pk])).status_code == 200
    assert client.get(reverse("assessments:compare", args=[placement.pk])).status_code == 200
    assert client.get(reverse("assessments:fill", args=[own.pk])).status_code == 403
    assert client.post(reverse("assessments:fill_submit", args=[own.pk]), {"revision": 0}).status_code == 403
    assert client.post(reverse("assessments:resend", args=[theirs.pk])).status_code == 403
    assert client.post(reverse("assessments:revoke", args=[theirs.pk])).status_code == 403
    response = client.post(reverse("assessments:round_open", args=[placement.pk, _interim(placement).pk]))
    assert response.status_code == 403
    assert not Assessment.objects.filter(round=_interim(placement)).exists()


def test_the_own_supervisor_cannot_open_or_resend_only_the_coordinator(
    login, supervisor, coordinator, placement
):
    response = login(supervisor).post(
        reverse("assessments:round_open", args=[placement.pk, _final(placement).pk])
    )
    assert response.status_code == 403
    response = login(coordinator).post(
        reverse("assessments:round_open", args=[placement.pk, _final(placement).pk])
    )
    assert response.status_code == 302
    assert Assessment.objects.filter(placement=placement).count() == 3


def test_opening_a_round_twice_by_hand_opens_it_once(login, coordinator, placement):
    client = login(coordinator)
    url = reverse("assessments:round_open", args=[placement.pk, _final(placement).pk])
    client.post(url)
    client.post(url)
    assert Assessment.objects.filter(placement=placement).count() == 3
    assert OutgoingMessage.objects.count() == 2


def test_a_round_of_another_plan_cannot_be_opened_on_this_placement(
    login, coordinator, placement, department, supervisor
):
    elsewhere = running_placement(department, supervisor)
    foreign_round = apply_default(elsewhere.plan).rounds.get(kind="final")
    response = login(coordinator).post(
        reverse("assessments:round_open", args=[placement.pk, foreign_round.pk])
    )
    assert response.status_code == 404
    assert not Assessment.objects.exists()


def test_the_coordinator_resends_a_link_and_the_old_one_stops_working(client, login, coordinator, placement):
    open_round(placement, _final(placement))
    theirs = Assessment.objects.get(placement=placement, party="workplace")
    old = AccessLink.objects.for_target(theirs).get()
    login(coordinator).post(reverse("assessments:resend", args=[theirs.pk]))
    old.refresh_from_db()
    assert old.revoked_at is not None
    assert AccessLink.objects.for_target(theirs).usable().count() == 1
    login(coordinator).post(reverse("assessments:revoke", args=[theirs.pk]))
    assert AccessLink.objects.for_target(theirs).usable().count() == 0


def test_the_comparison_marks_differences_of_two_levels_and_shows_growth(login, supervisor, placement):
    open_round(placement, _interim(placement))
    open_round(placement, _final(placement))
    interim_wp = Assessment.objects.get(placement=placement, round=_interim(placement), party="workplace")
    final_wp = Assessment.objects.get(placement=placement, round=_final(placement), party="workplace")
    final_self = Assessment.objects.get(placement=placement, round=_final(placement), party="student")
    _submit(interim_wp, ["onvoldoende", "voldoende"])
    _submit(final_wp, ["goed", "voldoende"])
    _submit(final_self, ["goed", "goed"])
    from assessments.comparison import build

    rows = build(placement)["rows"]
    first, second = rows[0], rows[1]
    assert (first.growth, first.big_difference) == (2, False)
    assert (second.growth, second.big_difference) == (0, False)
    _submit(Assessment.objects.get(placement=placement, round=_interim(placement), party="student"), ["goed"])
    Score.objects.filter(assessment=final_self, competency__name="Afspraken nakomen").delete()
    # Self says goed, workplace onvoldoende: two levels apart.
    Score.objects.filter(assessment=final_wp, competency__name="Inzet tonen").update(
        level=final_wp.framework.scale.levels.get(label="onvoldoende")
    )
    rows = build(placement)["rows"]
    assert rows[0].big_difference
    html = login(supervisor).get(reverse("assessments:compare", args=[placement.pk])).content.decode()
    assert "verschil van 2 of meer" in html
    assert "+2" not in html  # the workplace stayed at onvoldoende on that one: no growth


def test_the_log_of_an_end_conversation_links_to_the_comparison(login, supervisor, placement):
    from tests.factories.visits import VisitFactory

    visit = VisitFactory(placement=placement, purpose="final", planned_on=placement.end_date)
    compare = reverse("assessments:compare", args=[placement.pk])
    assert compare in login(supervisor).get(reverse("visits:visit_log", args=[visit.pk])).content.decode()
    assert compare in login(supervisor).get(reverse("visits:visit_detail", args=[visit.pk])).content.decode()
    interim = VisitFactory(placement=placement, purpose="interim")
    assert (
        compare
        not in login(supervisor).get(reverse("visits:visit_detail", args=[interim.pk])).content.decode()
    )
