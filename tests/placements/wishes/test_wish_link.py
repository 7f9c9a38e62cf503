"""The student ranks places through the emailed link; GET changes nothing; the
round's closing refuses the link; hostile values change nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from placements.models import Wish, WishParticipant, WishRound
from stagebeheer.models import AccessLink
from tests.placements.wishes.conftest import participant_of
from tests.sent_links import link_sent_to

pytestmark = pytest.mark.django_db


def link_of(student):
    return link_sent_to(student.email)


def test_every_student_of_the_cohort_gets_a_link(round_, students):
    assert round_.participants.count() == len(students)
    assert AccessLink.objects.filter(purpose="placements-wishes").count() == len(students)
    assert all(link_of(s) for s in students)


def test_a_student_ranks_places_and_can_change_them_until_closing(client, round_, students, hosts):
    url = link_of(students[0])
    page = client.get(url)
    assert page.status_code == 200
    assert "Garage Nieuwegein" in page.content.decode()
    assert "Ongeschikt BV" not in page.content.decode()  # not offered
    assert not Wish.objects.exists()  # opening changes nothing
    data = {"wish1": hosts["garage"].pk, "motivation1": "Ik sleutel graag", "wish2": hosts["bakker"].pk}
    assert client.post(url, data).status_code == 302
    client.post(url, data)  # a double submit stores the same two wishes
    participant = participant_of(round_, students[0])
    assert [(w.rank, w.host_id) for w in participant.wishes.all()] == [
        (1, hosts["garage"].pk),
        (2, hosts["bakker"].pk),
    ]
    assert participant.submitted_at is not None
    client.post(url, {"wish1": hosts["zorg"].pk})
    assert [w.host_id for w in participant.wishes.all()] == [hosts["zorg"].pk]


def test_the_places_can_be_filtered_by_sector_and_distance(client, round_, students):
    url = link_of(students[0])
    page = client.get(url, {"sector": "Techniek"}).content.decode()
    assert "Garage Nieuwegein</strong>" in page
    assert "Zorg Houten</strong>" not in page
    page = client.get(url, {"km": "3"}).content.decode()
    assert "Zorg Houten</strong>" in page
    assert "Garage Nieuwegein</strong>" not in page
    assert client.get(url, {"km": "abc"}).status_code == 200


@pytest.mark.parametrize(
    "hostile",
    [
        {"wish1": "abc"},
        {"wish1": "999999"},
        {"wish1": "-1"},
        {},
        {"wish1": "HOST", "wish2": "HOST"},
        {"wish1": "HOST", "motivation1": "x" * 301},
        {"wish1": "HOST", "duo_with": "999999"},
        {"wish1": "UNSUITABLE"},
        {"wish1": "FOREIGN"},
    ],
)
def test_hostile_values_are_refused_and_change_nothing(client, round_, students, hosts, outsider, hostile):
    from tests.factories.placements import HostFactory

    foreign = HostFactory()  # another school's directory
    swap = {"HOST": hosts["garage"].pk, "UNSUITABLE": hosts["slecht"].pk, "FOREIGN": foreign.pk}
    data = {k: swap.get(v, v) for k, v in hostile.items()}
    response = client.post(link_of(students[0]), data)
    assert response.status_code == 400
    assert not Wish.objects.exists()


def test_a_duo_partner_from_outside_the_round_is_refused(client, round_, students, hosts, department):
    from tests.factories.placements import StudentFactory

    stranger = StudentFactory(department=department, year_group=4)
    response = client.post(link_of(students[0]), {"wish1": hosts["garage"].pk, "duo_with": stranger.pk})
    assert response.status_code == 400
    assert not WishParticipant.objects.filter(duo_with__isnull=False).exists()


def test_a_link_used_after_the_round_closed_is_refused(client, round_, students, hosts):
    url = link_of(students[0])
    WishRound.objects.filter(pk=round_.pk).update(closes_on=timezone.localdate() - timedelta(days=1))
    assert client.get(url).status_code == 410
    response = client.post(url, {"wish1": hosts["garage"].pk})
    assert response.status_code == 410
    assert "gesloten" in response.content.decode()
    assert not Wish.objects.exists()


def test_a_link_of_a_round_closed_by_the_coordinator_is_refused(
    client, round_, students, hosts, login, coordinator
):
    url = link_of(students[0])
    from django.urls import reverse

    login(coordinator).post(reverse("placements:wish_round_close", args=[round_.pk]))
    client.logout()
    assert client.post(url, {"wish1": hosts["garage"].pk}).status_code == 410
    assert not Wish.objects.exists()
