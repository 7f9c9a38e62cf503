"""Before the run: pins, places left out, and one reminder before the closing date."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placements import wish_rounds
from placements.models import ProposalReason, WishRound
from placements.tasks import wish_reminders
from stagebeheer.models import OutgoingMessage
from tests.placements.wishes.conftest import participant_of

pytestmark = pytest.mark.django_db


def test_a_student_fixed_before_the_run_keeps_the_place(login, coordinator, round_, students, hosts):
    client = login(coordinator)
    pinned = participant_of(round_, students[0])
    wish_rounds.save_wishes(participant_of(round_, students[1]), [(hosts["zorg"], "")], by="t")
    client.post(
        reverse("placements:wish_round_move", args=[round_.pk]),
        {"participant": pinned.pk, "host": hosts["zorg"].pk},
    )
    client.post(reverse("placements:wish_round_run", args=[round_.pk]))
    pinned.refresh_from_db()
    other = participant_of(round_, students[1])
    assert pinned.proposed_host == hosts["zorg"]
    assert pinned.proposal_reason == ProposalReason.FIXED
    assert other.proposed_host != hosts["zorg"]  # its one place is taken by the pin


def test_a_host_left_out_is_not_offered_or_proposed(login, coordinator, round_, students, hosts, client):
    staff = login(coordinator)
    wish_rounds.save_wishes(participant_of(round_, students[0]), [(hosts["garage"], "")], by="t")
    staff.post(reverse("placements:wish_round_offer", args=[round_.pk]), {"host": hosts["garage"].pk})
    assert hosts["garage"] not in wish_rounds.offered_hosts(round_)
    staff.post(reverse("placements:wish_round_run", args=[round_.pk]))
    assert participant_of(round_, students[0]).proposed_host != hosts["garage"]
    staff.post(
        reverse("placements:wish_round_offer", args=[round_.pk]), {"host": hosts["garage"].pk, "offered": "1"}
    )
    assert hosts["garage"] in wish_rounds.offered_hosts(round_)


def test_a_host_of_another_school_cannot_be_left_out(login, coordinator, round_):
    from tests.factories.placements import HostFactory

    foreign = HostFactory()
    response = login(coordinator).post(
        reverse("placements:wish_round_offer", args=[round_.pk]), {"host": foreign.pk}, follow=True
    )
    assert "eigen lijst" in response.content.decode()
    assert not round_.excluded_hosts.exists()


def test_students_who_have_not_chosen_get_one_reminder_before_closing(round_, students, hosts):
    wish_rounds.save_wishes(participant_of(round_, students[0]), [(hosts["zorg"], "")], by="t")
    assert wish_reminders() == 0  # ten days before closing: not yet
    WishRound.objects.filter(pk=round_.pk).update(closes_on=timezone.localdate() + timedelta(days=2))
    assert wish_reminders() == 3
    assert wish_reminders() == 0  # twice is once
    reminders = OutgoingMessage.objects.filter(subject__startswith="Herinnering")
    assert reminders.count() == 3
    assert students[0].email not in set(reminders.values_list("to_email", flat=True))


def test_wish_reminders_take_the_same_queries_for_3_and_12_students(round_, department, mentor):
    from placements.models import WishParticipant
    from tests.factories.placements import StudentFactory
    from tests.querycount import assert_fixed_task_queries

    WishRound.objects.filter(pk=round_.pk).update(closes_on=timezone.localdate() + timedelta(days=2))

    def make_due(n):
        students = [StudentFactory(department=department, year_group=3, mentor=mentor) for _ in range(n)]
        WishParticipant.objects.bulk_create(WishParticipant(round=round_, student=s) for s in students)
        return n

    assert_fixed_task_queries(wish_reminders.run, make_due)
    assert wish_reminders.run() == 0
    assert OutgoingMessage.objects.filter(subject__startswith="Herinnering").count() == 4 + 16
