"""The coordinator opens a round, runs the allocation, moves a student and accepts;
each role against each page; attacks on ids and double submits."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placements import wish_rounds
from placements.models import Placement, ProposalReason, WishParticipant, WishRound
from stagebeheer.models import OutgoingMessage
from tests.factories.placements import StudentFactory
from tests.placements.wishes.conftest import participant_of
from tests.querycount import assert_fixed_queries

pytestmark = pytest.mark.django_db


def wish(round_, student, *hosts, duo_with=None):
    wish_rounds.save_wishes(
        participant_of(round_, student), [(h, "") for h in hosts], duo_with=duo_with, by="test"
    )


def test_the_coordinator_opens_a_round_from_the_plan(login, coordinator, plan, students, hosts):
    today = timezone.localdate()
    client = login(coordinator)
    response = client.post(
        reverse("placements:wish_rounds", args=[plan.pk]),
        {
            "title": "Ronde 1",
            "start_date": (today + timedelta(days=30)).isoformat(),
            "end_date": (today + timedelta(days=40)).isoformat(),
            "closes_on": (today + timedelta(days=7)).isoformat(),
        },
    )
    round_ = WishRound.objects.get()
    assert response.status_code == 302
    assert round_.participants.count() == 4
    assert OutgoingMessage.objects.filter(subject__startswith="Kies je stageplaatsen").count() == 4


@pytest.mark.parametrize(
    "change",
    [
        {"closes_on": "2000-01-01"},
        {"end_date": "9999-12-31"},
        {"title": "x" * 121},
        {"start_date": "abc"},
        {"closes_on": "LATE"},
    ],
)
def test_a_bad_round_is_refused_and_opens_nothing(login, coordinator, plan, students, change):
    today = timezone.localdate()
    data = {
        "title": "Ronde 1",
        "start_date": (today + timedelta(days=30)).isoformat(),
        "end_date": (today + timedelta(days=40)).isoformat(),
        "closes_on": (today + timedelta(days=7)).isoformat(),
    }
    data.update(
        {k: (today + timedelta(days=35)).isoformat() if v == "LATE" else v for k, v in change.items()}
    )
    response = login(coordinator).post(reverse("placements:wish_rounds", args=[plan.pk]), data)
    assert response.status_code == 400
    assert not WishRound.objects.exists()


def test_the_chase_list_shows_who_has_not_chosen_and_shrinks(login, coordinator, round_, students, hosts):
    client = login(coordinator)
    url = reverse("placements:wish_round", args=[round_.pk])
    assert "Nog niet gekozen: 4 leerlingen" in client.get(url).content.decode()
    wish(round_, students[0], hosts["garage"])
    assert "Nog niet gekozen: 3 leerlingen" in client.get(url).content.decode()


def test_run_move_and_accept(login, coordinator, round_, students, hosts):
    wish(round_, students[0], hosts["bakker"], hosts["garage"])
    wish(round_, students[1], hosts["bakker"], hosts["zorg"])
    wish(round_, students[2], hosts["ver"])  # beyond the plan's 15 km: not usable
    client = login(coordinator)
    client.post(reverse("placements:wish_round_run", args=[round_.pk]))
    proposal = {p.student_id: p for p in round_.participants.select_related("proposed_host")}
    assert proposal[students[2].pk].proposal_reason == ProposalReason.NEAREST
    assert proposal[students[2].pk].proposed_host != hosts["ver"]
    assert not any(p.proposed_host in (hosts["ver"], hosts["slecht"]) for p in proposal.values())
    assert not Placement.objects.exists()  # nothing until the coordinator accepts
    page = client.get(reverse("placements:wish_round", args=[round_.pk])).content.decode()
    assert "geplaatst" in page
    assert "Keuze 1:" in page

    # A move by hand is checked by the rules and the places left.
    moved = participant_of(round_, students[3])
    response = client.post(
        reverse("placements:wish_round_move", args=[round_.pk]),
        {"participant": moved.pk, "host": hosts["ver"].pk},
        follow=True,
    )
    assert "hoogstens 15 km" in response.content.decode()
    full = next(
        h
        for h in (hosts["bakker"], hosts["zorg"])
        if WishParticipant.objects.filter(proposed_host=h).exists()
    )
    response = client.post(
        reverse("placements:wish_round_move", args=[round_.pk]),
        {"participant": moved.pk, "host": full.pk},
        follow=True,
    )
    assert "geen plaats meer vrij" in response.content.decode()
    client.post(
        reverse("placements:wish_round_move", args=[round_.pk]),
        {"participant": moved.pk, "host": hosts["garage"].pk},
    )
    moved.refresh_from_db()
    assert moved.fixed_host == hosts["garage"] == moved.proposed_host

    # A rerun keeps the move.
    client.post(reverse("placements:wish_round_run", args=[round_.pk]))
    moved.refresh_from_db()
    assert moved.proposed_host == hosts["garage"]

    placed = WishParticipant.objects.filter(round=round_, proposed_host__isnull=False).count()
    client.post(reverse("placements:wish_round_accept", args=[round_.pk]))
    assert Placement.objects.filter(state="draft").count() == placed
    client.post(reverse("placements:wish_round_accept", args=[round_.pk]))  # twice: nothing twice
    assert Placement.objects.count() == placed
    assert OutgoingMessage.objects.filter(subject__startswith="Je stageplaats").count() == placed
    placement = Placement.objects.get(student=students[3])
    assert placement.host == hosts["garage"]
    assert placement.planned_hours > 0
    assert (
        placement.primary_workplace_supervisor is None
        or placement.primary_workplace_supervisor.host == hosts["garage"]
    )
    response = client.post(
        reverse("placements:wish_round_move", args=[round_.pk]),
        {"participant": moved.pk, "host": ""},
        follow=True,
    )
    assert "al aangenomen" in response.content.decode()


def test_a_mutual_duo_is_accepted_as_a_duo_pair(login, coordinator, round_, students, hosts):
    wish(round_, students[0], hosts["bakker"], hosts["garage"], duo_with=students[1])
    wish(round_, students[1], hosts["zorg"], hosts["garage"], duo_with=students[0])
    client = login(coordinator)
    client.post(reverse("placements:wish_round_run", args=[round_.pk]))
    first, second = participant_of(round_, students[0]), participant_of(round_, students[1])
    assert first.proposed_host == second.proposed_host == hosts["garage"]
    client.post(reverse("placements:wish_round_accept", args=[round_.pk]))
    a = Placement.objects.get(student=students[0])
    assert a.duo_partner == Placement.objects.get(student=students[1])


def test_accepting_before_a_run_creates_nothing(login, coordinator, round_):
    response = login(coordinator).post(reverse("placements:wish_round_accept", args=[round_.pk]), follow=True)
    assert "nog geen voorstel" in response.content.decode()
    assert not Placement.objects.exists()


def test_the_coordinator_of_another_department_cannot_see_or_run_it(login, outsider, round_):
    client = login(outsider)
    assert client.get(reverse("placements:wish_round", args=[round_.pk])).status_code == 404
    for name in ("wish_round_run", "wish_round_accept", "wish_round_close", "wish_round_move"):
        assert (
            client.post(reverse(f"placements:{name}", args=[round_.pk]), {"participant": 1}).status_code
            == 404
        )
    assert client.get(reverse("placements:wish_rounds", args=[round_.plan.pk])).status_code == 404
    round_.refresh_from_db()
    assert round_.proposal_run_at is None


def test_a_leader_reads_but_cannot_run(login, leader, round_):
    client = login(leader)
    assert client.get(reverse("placements:wish_round", args=[round_.pk])).status_code == 200
    assert client.post(reverse("placements:wish_round_run", args=[round_.pk])).status_code == 403
    assert client.post(reverse("placements:wish_round_accept", args=[round_.pk])).status_code == 403
    assert (
        client.post(reverse("placements:wish_rounds", args=[round_.plan.pk]), {"title": "x"}).status_code
        == 403
    )
    round_.refresh_from_db()
    assert round_.proposal_run_at is None


def test_a_supervisor_sees_no_round(login, supervisor, round_):
    assert login(supervisor).get(reverse("placements:wish_round", args=[round_.pk])).status_code == 404


def test_a_mentor_enters_wishes_for_a_mentee_but_not_for_another_student(
    login, mentor, round_, students, hosts, department
):
    other = StudentFactory(department=department, year_group=3)
    stranger = WishParticipant.objects.create(round=round_, student=other)
    client = login(mentor)
    mine = participant_of(round_, students[0])
    url = reverse("placements:wish_participant", args=[mine.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"wish1": hosts["garage"].pk})
    assert mine.wishes.get().host == hosts["garage"]
    assert client.get(reverse("placements:wish_participant", args=[stranger.pk])).status_code == 404
    assert client.post(reverse("placements:wish_round_run", args=[round_.pk])).status_code == 403


def test_the_round_page_runs_a_fixed_number_of_queries(login, coordinator, round_, hosts, department):
    wish_rounds.run_allocation(round_)
    client = login(coordinator)

    def grow():
        for _ in range(6):
            student = StudentFactory(department=department, year_group=3, postcode="3511 AB")
            participant = WishParticipant.objects.create(round=round_, student=student)
            wish_rounds.save_wishes(participant, [(hosts["garage"], "a"), (hosts["bakker"], "")], by="t")
        wish_rounds.run_allocation(round_)

    assert_fixed_queries(client, reverse("placements:wish_round", args=[round_.pk]), grow)
