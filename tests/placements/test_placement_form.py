"""Placing a student through the page: refusals show on the form and save nothing."""

from datetime import date

import pytest
from django.urls import reverse

from placements.models import HostStatus, Placement
from tests.factories.placements import HostFactory, PlacementFactory, WorkplaceSupervisorFactory

pytestmark = pytest.mark.django_db


def form_data(student, host, **extra):
    data = {
        "student": student.pk,
        "host": host.pk,
        "start_date": "2027-02-01",
        "end_date": "2027-02-12",
        "carried_over_hours": "0",
    }
    for d in range(5):
        data[f"day{d}_start"] = "09:00"
        data[f"day{d}_end"] = "15:30"
        data[f"day{d}_break"] = "30"
    data.update(extra)
    return data


def test_coordinator_places_a_student(login, coordinator, plan, student, host, supervisor):
    wps = WorkplaceSupervisorFactory(host=host)
    response = login(coordinator).post(
        reverse("placements:placement_create", args=[plan.pk]),
        form_data(
            student,
            host,
            workplace_supervisors=[wps.pk],
            primary_supervisor=wps.pk,
            school_supervisor=supervisor.pk,
        ),
    )
    placement = Placement.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("placements:placement_detail", args=[placement.pk])
    assert placement.planned_hours == 60
    assert placement.primary_workplace_supervisor == wps


def test_an_unsuitable_host_is_refused_on_the_form(login, coordinator, plan, student, department):
    bad = HostFactory(
        school=department.school, status=HostStatus.UNSUITABLE, status_reason="Onveilige werkplek"
    )
    response = login(coordinator).post(
        reverse("placements:placement_create", args=[plan.pk]), form_data(student, bad)
    )
    assert response.status_code == 200
    assert "Onveilige werkplek" in response.content.decode()
    assert not Placement.objects.exists()


def test_a_schedule_with_end_before_start_is_refused(login, coordinator, plan, student, host):
    response = login(coordinator).post(
        reverse("placements:placement_create", args=[plan.pk]),
        form_data(student, host, day0_start="15:00", day0_end="09:00"),
    )
    assert "eindtijd vóór de begintijd" in response.content.decode()
    assert not Placement.objects.exists()


def test_dates_in_the_wrong_order_are_refused(login, coordinator, plan, student, host):
    response = login(coordinator).post(
        reverse("placements:placement_create", args=[plan.pk]),
        form_data(student, host, end_date="2027-01-01"),
    )
    assert "einddatum ligt vóór de begindatum" in response.content.decode()
    assert not Placement.objects.exists()


def test_warnings_need_an_explicit_yes(login, coordinator, plan, student, host):
    host.capacity = 1
    host.save()
    PlacementFactory(plan=plan, host=host)
    client = login(coordinator)
    url = reverse("placements:placement_create", args=[plan.pk])
    response = client.post(url, form_data(student, host))
    assert "plaats(en) per periode" in response.content.decode()
    assert Placement.objects.count() == 1
    response = client.post(url, form_data(student, host, accept_warnings="on"))
    assert response.status_code == 302
    assert Placement.objects.count() == 2


def test_a_workplace_supervisor_of_another_host_is_refused(
    login, coordinator, plan, student, host, department
):
    stranger = WorkplaceSupervisorFactory(host=HostFactory(school=department.school))
    response = login(coordinator).post(
        reverse("placements:placement_create", args=[plan.pk]),
        form_data(student, host, workplace_supervisors=[stranger.pk]),
    )
    assert "van het gekozen stagebedrijf" in response.content.decode()
    assert not Placement.objects.exists()


def test_a_student_of_another_school_cannot_be_placed(login, coordinator, plan, host, outsider):
    from tests.factories.placements import StudentFactory

    stranger = StudentFactory()
    response = login(coordinator).post(
        reverse("placements:placement_create", args=[plan.pk]), form_data(stranger, host)
    )
    assert response.status_code == 200
    assert not Placement.objects.exists()


def test_editing_the_contract_goes_through_update_contract(login, coordinator, placement, host):
    from placements.signals import placement_contract_changed

    Placement.objects.filter(pk=placement.pk).update(state="agreement_pending")
    seen = []

    def listener(sender, placement, changed_fields, actor, **kwargs):
        seen.append(changed_fields)

    placement_contract_changed.connect(listener)
    try:
        response = login(coordinator).post(
            reverse("placements:placement_edit", args=[placement.pk]),
            form_data(
                placement.student,
                host,
                end_date="2027-02-11",
                workplace_supervisors=[
                    link.workplace_supervisor_id for link in placement.supervisor_links.all()
                ],
            ),
        )
    finally:
        placement_contract_changed.disconnect(listener)
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.end_date == date(2027, 2, 11)
    assert seen
    assert "end_date" in seen[0]


def test_terminate_and_replace_carries_missed_hours(login, coordinator, plan, placement):
    Placement.objects.filter(pk=placement.pk).update(state="active")
    client = login(coordinator)
    client.post(
        reverse("placements:placement_terminate", args=[placement.pk]),
        {"terminated_on": "2027-02-05", "reason": "Bedrijf gesloten"},
    )
    placement.refresh_from_db()
    assert placement.state == "terminated"
    response = client.get(
        reverse("placements:placement_create", args=[plan.pk]) + f"?replaces={placement.pk}"
    )
    assert response.status_code == 200
    assert response.context["form"].initial["carried_over_hours"] == 30  # Mon 8 to Fri 12 February, 6 h a day


def test_terminate_without_reason_changes_nothing(login, coordinator, placement):
    Placement.objects.filter(pk=placement.pk).update(state="active")
    login(coordinator).post(
        reverse("placements:placement_terminate", args=[placement.pk]),
        {"terminated_on": "2027-02-05", "reason": ""},
    )
    assert Placement.objects.get(pk=placement.pk).state == "active"


def test_duo_pairs_two_placements_at_the_same_host(login, coordinator, plan, placement, host, supervisor):
    other = PlacementFactory(plan=plan, host=host, school_supervisor=supervisor)
    login(coordinator).post(reverse("placements:placement_duo", args=[placement.pk]), {"partner": other.pk})
    placement.refresh_from_db()
    other.refresh_from_db()
    assert placement.duo_partner == other
    assert other.duo_partner == placement


def test_a_duo_shows_together_in_the_overview(login, coordinator, plan, placement, host, supervisor):
    from placements import services

    other = PlacementFactory(plan=plan, host=host, school_supervisor=supervisor)
    services.pair_duo(placement, other)
    response = login(coordinator).get(reverse("placements:overview") + f"?plan={plan.pk}")
    text = response.content.decode()
    assert f"met {other.student.first_name} {other.student.last_name}" in text
