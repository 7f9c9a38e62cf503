"""A student who found a place themselves submits it (host, contact, dates); a new
host enters the directory as "te controleren"; the coordinator approves it against
the plan's rules or rejects it; approving pins the student, accepting makes the
placement. Attacks on ids, double submits, a closed round and hostile input."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from placements import own_finds, wish_rounds
from placements.models import (
    Host,
    HostStatus,
    OwnFind,
    OwnFindState,
    Placement,
    ProposalReason,
    WishParticipant,
    WishRound,
)
from stagebeheer.models import HistoryEntry
from tests.placements.wishes.conftest import participant_of
from tests.placements.wishes.test_wish_link import link_of

pytestmark = pytest.mark.django_db


def found(round_, **change):
    """The posted own-find form with a new host near the students (3992 = Houten)."""
    data = {
        "own-host": "",
        "own-name": "Dierenpension De Hooiberg",
        "own-address": "Hooibergweg 4",
        "own-postcode": "3992 AB",
        "own-city": "Houten",
        "own-sector": "Dierverzorging",
        "own-contact_name": "Petra Hooiberg",
        "own-contact_email": "petra@hooiberg.example",
        "own-contact_phone": "030-1234567",
        "own-start_date": (round_.start_date + timedelta(days=2)).isoformat(),
        "own-end_date": (round_.end_date - timedelta(days=2)).isoformat(),
    }
    data.update({f"own-{k}": v for k, v in change.items()})
    return data


def submit_through_link(client, round_, student, **change):
    return client.post(link_of(student) + "found/", found(round_, **change))


# --- the student through the link ---


def test_a_student_submits_an_own_find_with_a_new_host_to_be_checked(
    client, login, coordinator, round_, students
):
    url = link_of(students[0])
    page = client.get(url).content.decode()
    assert "Zelf een stageplaats gevonden?" in page
    hosts_before = Host.objects.count()
    response = submit_through_link(client, round_, students[0], kinds=["family"])
    assert response.status_code == 302
    submit_through_link(client, round_, students[0], kinds=["family"])  # a double submit stores once
    own = OwnFind.objects.get()
    assert Host.objects.count() == hosts_before + 1
    assert own.new_host
    assert own.host.status == HostStatus.TO_CHECK
    assert own.host.postcode == "3992 AB"
    assert own.relation_kinds == ["family"]
    assert own.state == OwnFindState.SUBMITTED
    assert "wacht op goedkeuring" in client.get(url).content.decode()
    # An own find counts as having chosen.
    staff = login(coordinator)
    round_page = staff.get(reverse("placements:wish_round", args=[round_.pk])).content.decode()
    assert "Nog niet gekozen: 3 leerlingen" in round_page
    assert "Dierenpension De Hooiberg" in round_page
    assert "te controleren" in round_page
    assert "eigen stageplaats: Dierenpension De Hooiberg" in round_page


def test_a_student_can_name_a_host_from_the_directory(client, round_, students, hosts):
    response = submit_through_link(
        client, round_, students[0], host=hosts["bakker"].pk, name="", postcode="", city=""
    )
    assert response.status_code == 302
    own = OwnFind.objects.get()
    assert own.host == hosts["bakker"]
    assert not own.new_host
    assert not Host.objects.filter(status=HostStatus.TO_CHECK).exists()


def test_a_host_to_be_checked_is_not_offered_to_other_students(client, round_, students, hosts):
    submit_through_link(client, round_, students[0])
    entered = Host.objects.get(status=HostStatus.TO_CHECK)
    assert entered not in wish_rounds.offered_hosts(round_)
    other_page = client.get(link_of(students[1])).content.decode()
    assert "Dierenpension De Hooiberg" not in other_page
    # Not as a wish, and not as another student's own find either.
    with pytest.raises(wish_rounds.WishError):
        wish_rounds.save_wishes(participant_of(round_, students[1]), [(entered, "")], by="t")
    response = submit_through_link(
        client, round_, students[1], host=entered.pk, name="", postcode="", city=""
    )
    assert response.status_code == 400
    assert OwnFind.objects.count() == 1


def test_the_allocation_never_places_another_student_at_a_host_to_be_checked(client, round_, students, hosts):
    submit_through_link(client, round_, students[0])
    entered = Host.objects.get(status=HostStatus.TO_CHECK)
    Host.objects.filter(pk=entered.pk).update(capacity=10, postcode="3992 GH")  # nearest to everyone
    wish_rounds.run_allocation(round_)
    assert not WishParticipant.objects.filter(proposed_host=entered).exists()


@pytest.mark.parametrize(
    "change",
    [
        {"name": "x" * 201},
        {"name": "Bakker\tBV"},
        {"name": "<script>alert(1)</script>"},
        {"contact_name": "Jan\x1b[31m"},
        {"name": ""},
        {"postcode": "12345"},
        {"city": "c" * 101},
        {"contact_email": "geen-adres"},
        {"contact_name": ""},
        {"contact_phone": "<script>"},
        {"start_date": "2000-01-01"},
        {"end_date": "9999-12-31"},
        {"start_date": "abc"},
        {"kinds": ["bogus"]},
        {"host": "999999999"},
        {"host": "abc"},
        {"host": "FOREIGN"},
        {"host": "UNSUITABLE", "name": "", "postcode": "", "city": ""},
        {"host": "BAKKER"},  # a host from the list and a new one at once
    ],
)
def test_hostile_or_too_long_input_is_refused_and_stores_nothing(client, round_, students, hosts, change):
    from tests.factories.placements import HostFactory

    swap = {"FOREIGN": HostFactory().pk, "UNSUITABLE": hosts["slecht"].pk, "BAKKER": hosts["bakker"].pk}
    change = {k: swap.get(v, v) if isinstance(v, str) else v for k, v in change.items()}
    hosts_before = Host.objects.count()
    response = submit_through_link(client, round_, students[0], **change)
    assert response.status_code == 400
    assert "alert-danger" in response.content.decode() or "invalid-feedback" in response.content.decode()
    assert not OwnFind.objects.exists()
    assert Host.objects.count() == hosts_before
    assert participant_of(round_, students[0]).submitted_at is None


def test_dates_outside_the_rounds_period_are_refused(client, round_, students):
    response = submit_through_link(
        client, round_, students[0], end_date=(round_.end_date + timedelta(days=1)).isoformat()
    )
    assert response.status_code == 400
    assert "binnen de periode van deze ronde" in response.content.decode()
    assert not OwnFind.objects.exists()


def test_a_closed_round_refuses_an_own_find(client, round_, students):
    url = link_of(students[0])
    WishRound.objects.filter(pk=round_.pk).update(closes_on=timezone.localdate() - timedelta(days=1))
    response = client.post(url + "found/", found(round_))
    assert response.status_code == 410
    assert not OwnFind.objects.exists()
    assert not Host.objects.filter(status=HostStatus.TO_CHECK).exists()


# --- the coordinator's decision ---


def test_approving_runs_the_placement_rules_and_shows_them(
    client, login, coordinator, round_, students, plan
):
    # Groningen is beyond the plan's 15 km, and the plan forbids a family member's business.
    submit_through_link(client, round_, students[0], postcode="9712 AB", city="Groningen", kinds=["family"])
    own = OwnFind.objects.get()
    staff = login(coordinator)
    page = staff.get(reverse("placements:wish_own_find", args=[own.pk])).content.decode()
    assert "hoogstens 15 km" in page
    assert "familie van de leerling" in page
    assert "nog niet gecontroleerd" in page
    response = staff.post(
        reverse("placements:wish_own_find_approve", args=[own.pk]), {"reason": "Toch"}, follow=True
    )
    assert "hoogstens 15 km" in response.content.decode()
    own.refresh_from_db()
    assert own.state == OwnFindState.SUBMITTED
    assert participant_of(round_, students[0]).fixed_host is None


def test_an_sbb_plan_refuses_a_host_without_recognition(client, login, coordinator, round_, students, plan):
    plan.requires_sbb = True
    plan.save(update_fields=["requires_sbb"])
    submit_through_link(client, round_, students[0])
    own = OwnFind.objects.get()
    assert any("SBB" in e for e in own_finds.review(own).errors)
    with pytest.raises(wish_rounds.WishError):
        own_finds.approve(own, reason="toch", actor=coordinator)


def test_a_minors_working_time_is_checked(client, round_, students, plan):
    from datetime import date

    students[0].date_of_birth = date.today().replace(year=date.today().year - 14)
    students[0].save(update_fields=["date_of_birth"])
    plan.default_schedule = [
        {"weekday": d, "start": "08:00", "end": "17:30", "break_minutes": 30} for d in range(5)
    ]
    plan.save(update_fields=["default_schedule"])
    submit_through_link(client, round_, students[0])
    errors = own_finds.review(OwnFind.objects.get()).errors
    assert any("per dag het maximum" in e for e in errors)


def test_approve_needs_a_reason_for_a_warning_then_accepting_creates_the_placement(
    client, login, coordinator, round_, students
):
    submit_through_link(client, round_, students[0], kinds=[])
    own = OwnFind.objects.get()
    staff = login(coordinator)
    approve = reverse("placements:wish_own_find_approve", args=[own.pk])
    response = staff.post(approve, {"reason": ""}, follow=True)
    assert "Geef een reden om toch goed te keuren" in response.content.decode()
    assert OwnFind.objects.get().state == OwnFindState.SUBMITTED
    assert staff.post(approve, {"reason": "x" * 501}).status_code == 302
    assert OwnFind.objects.get().state == OwnFindState.SUBMITTED

    staff.post(approve, {"reason": "Gebeld met het pension; betrouwbaar."})
    staff.post(approve, {"reason": "Gebeld met het pension; betrouwbaar."})  # twice: once
    own.refresh_from_db()
    assert own.state == OwnFindState.APPROVED
    assert own.decided_by == coordinator
    participant = participant_of(round_, students[0])
    assert participant.fixed_host == own.host == participant.proposed_host
    assert HistoryEntry.objects.filter(action="wishes:own_find_approve").count() == 1

    staff.post(reverse("placements:wish_round_run", args=[round_.pk]))
    participant.refresh_from_db()
    assert participant.proposed_host == own.host
    assert participant.proposal_reason == ProposalReason.FIXED
    staff.post(reverse("placements:wish_round_accept", args=[round_.pk]))
    placement = Placement.objects.get(student=students[0])
    assert placement.host == own.host
    assert (placement.start_date, placement.end_date) == (own.start_date, own.end_date)
    supervisor = placement.primary_workplace_supervisor
    assert supervisor.email == "petra@hooiberg.example"
    assert supervisor.host == own.host
    staff.post(reverse("placements:wish_round_accept", args=[round_.pk]))
    assert Placement.objects.filter(student=students[0]).count() == 1


def test_an_own_find_at_a_checked_directory_host_is_approved_without_reason(
    client, login, coordinator, round_, students, hosts
):
    submit_through_link(client, round_, students[0], host=hosts["zorg"].pk, name="", postcode="", city="")
    own = OwnFind.objects.get()
    assert own_finds.review(own).warnings == []
    login(coordinator).post(reverse("placements:wish_own_find_approve", args=[own.pk]), {"reason": ""})
    assert OwnFind.objects.get().state == OwnFindState.APPROVED


def test_rejecting_needs_a_reason_and_tells_the_student(
    client, login, coordinator, round_, students, django_capture_on_commit_callbacks
):
    submit_through_link(client, round_, students[0])
    own = OwnFind.objects.get()
    staff = login(coordinator)
    reject = reverse("placements:wish_own_find_reject", args=[own.pk])
    staff.post(reject, {"reason": ""})
    assert OwnFind.objects.get().state == OwnFindState.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reject, {"reason": "Het pension heeft geen begeleider voor stagiairs."})
    own.refresh_from_db()
    assert own.state == OwnFindState.REJECTED
    sent = [m for m in mail.outbox if "niet goedgekeurd" in m.subject]
    assert len(sent) == 1
    assert students[0].email in sent[0].to[0]
    assert "geen begeleider voor stagiairs" in sent[0].body
    # No wishes either: back on the chase list, and the new link shows the reason.
    assert participant_of(round_, students[0]).submitted_at is None
    client.logout()
    page = client.get(link_of(students[0])).content.decode()
    assert "geen begeleider voor stagiairs" in page
    assert "Keuze 1" in page


def test_another_departments_coordinator_gets_404(client, login, outsider, round_, students):
    submit_through_link(client, round_, students[0])
    own = OwnFind.objects.get()
    staff = login(outsider)
    assert staff.get(reverse("placements:wish_own_find", args=[own.pk])).status_code == 404
    for name in ("wish_own_find_approve", "wish_own_find_reject"):
        assert staff.post(reverse(f"placements:{name}", args=[own.pk]), {"reason": "x"}).status_code == 404
    participant = participant_of(round_, students[1])
    url = reverse("placements:wish_participant_own_find", args=[participant.pk])
    assert staff.post(url, found(round_)).status_code == 404
    assert OwnFind.objects.get().state == OwnFindState.SUBMITTED
    assert OwnFind.objects.count() == 1


def test_a_leader_reads_but_cannot_decide(client, login, leader, round_, students):
    submit_through_link(client, round_, students[0])
    own = OwnFind.objects.get()
    staff = login(leader)
    assert staff.get(reverse("placements:wish_own_find", args=[own.pk])).status_code == 200
    assert (
        staff.post(reverse("placements:wish_own_find_approve", args=[own.pk]), {"reason": "x"}).status_code
        == 403
    )
    assert OwnFind.objects.get().state == OwnFindState.SUBMITTED


def test_a_mentor_enters_an_own_find_for_a_mentee(login, mentor, round_, students):
    participant = participant_of(round_, students[0])
    client = login(mentor)
    page = client.get(reverse("placements:wish_participant", args=[participant.pk])).content.decode()
    assert "Zelf een stageplaats gevonden?" in page
    url = reverse("placements:wish_participant_own_find", args=[participant.pk])
    assert client.post(url, found(round_, name="x" * 201)).status_code == 400
    assert client.post(url, found(round_)).status_code == 302
    assert OwnFind.objects.get().submitted_by == mentor.full_name


def test_the_coordinator_checks_a_new_host_in_the_directory(client, login, coordinator, round_, students):
    submit_through_link(client, round_, students[0])
    entered = Host.objects.get(status=HostStatus.TO_CHECK)
    staff = login(coordinator)
    listing = staff.get(reverse("placements:host_list")).content.decode()
    assert "nog te controleren" in listing
    assert (
        "Dierenpension De Hooiberg"
        in staff.get(reverse("placements:host_list"), {"status": "to_check"}).content.decode()
    )
    detail = staff.get(reverse("placements:host_detail", args=[entered.pk])).content.decode()
    assert "Na controle" in detail
    staff.post(reverse("placements:host_check", args=[entered.pk]), {"status": "unsuitable", "reason": ""})
    entered.refresh_from_db()
    assert entered.status == HostStatus.TO_CHECK  # unsuitable needs a reason
    staff.post(
        reverse("placements:host_check", args=[entered.pk]), {"status": "active", "reason": "Bezocht."}
    )
    entered.refresh_from_db()
    assert entered.status == HostStatus.ACTIVE
    assert entered in wish_rounds.offered_hosts(round_)
    # Checked: approving needs no reason any more.
    own = OwnFind.objects.get()
    assert own_finds.review(own).warnings == []


def test_an_accepted_round_refuses_a_decision(client, login, coordinator, round_, students, hosts):
    submit_through_link(client, round_, students[0], host=hosts["zorg"].pk, name="", postcode="", city="")
    own = OwnFind.objects.get()
    wish_rounds.run_allocation(round_)
    wish_rounds.accept_round(round_)
    response = login(coordinator).post(
        reverse("placements:wish_own_find_approve", args=[own.pk]), {"reason": ""}, follow=True
    )
    assert "al aangenomen" in response.content.decode()
    assert OwnFind.objects.get().state == OwnFindState.SUBMITTED


def test_the_round_page_stays_at_a_fixed_number_of_queries_with_own_finds(
    login, coordinator, round_, department
):
    from tests.factories.placements import StudentFactory
    from tests.querycount import assert_fixed_queries

    client = login(coordinator)

    def grow():
        for i in range(4):
            student = StudentFactory(department=department, year_group=3, postcode="3992 GH")
            participant = WishParticipant.objects.create(round=round_, student=student)
            data = {k.removeprefix("own-"): v for k, v in found(round_).items()}
            data |= {
                "host": None,
                "name": f"Eigen plek {i}",
                "kinds": [],
                "start_date": round_.start_date,
                "end_date": round_.end_date,
            }
            own_finds.submit(participant, data, by="t")

    assert_fixed_queries(client, reverse("placements:wish_round", args=[round_.pk]), grow)
