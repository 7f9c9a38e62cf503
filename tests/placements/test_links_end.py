"""Links end when the situation does (issue 9.6): a terminated placement's hours
links, a replaced workplace supervisor's links, hours outside the period."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placements import services
from placements.forms import HoursForm
from placements.models import HoursEntry, Placement
from stagebeheer.models import AccessLink
from tests.factories.placements import WorkplaceSupervisorFactory
from tests.factories.visits import VisitFactory
from tests.sent_links import link_in_sent_mail

pytestmark = pytest.mark.django_db


def _link(placement, purpose, email="sanne@leerling.example", target=None):
    _link, token = AccessLink.issue(
        purpose=purpose,
        target=target or placement,
        recipient_name="Iemand",
        recipient_email=email,
        department=placement.plan.department,
    )
    return f"/l/{token}/"


def _hours(day):
    return {"date": day.isoformat(), "hours": "4", "description": "Vakken vullen"}


def test_terminating_a_placement_ends_its_hours_links(client, placement, coordinator):
    Placement.objects.filter(pk=placement.pk).update(state="active")
    placement.refresh_from_db()
    entry = _link(placement, "placements-hours")
    confirm = _link(placement, "placements-hours-confirm", email=placement.primary_workplace_supervisor.email)
    services.terminate(placement, on=date(2027, 2, 5), reason="Bedrijf gesloten", actor=coordinator)
    # The attack: the student keeps entering hours after the end.
    response = client.post(entry, _hours(date(2027, 2, 4)))
    assert response.status_code == 410
    assert client.get(confirm).status_code == 410
    assert not HoursEntry.objects.exists()


def test_terminating_ends_the_workplace_input_link_of_its_conversations(client, placement, coordinator):
    Placement.objects.filter(pk=placement.pk).update(state="active")
    placement.refresh_from_db()
    visit = VisitFactory(placement=placement)
    url = _link(placement, "visit_input", target=visit)
    services.terminate(placement, on=date(2027, 2, 5), reason="Bedrijf gesloten", actor=coordinator)
    assert client.get(url).status_code == 410


def test_hours_are_accepted_only_within_the_placement_period(placement):
    placement.terminated_on = date(2027, 2, 5)
    for day, ok in [
        (date(2027, 1, 31), False),  # before the start
        (date(2027, 2, 1), True),
        (date(2027, 2, 5), True),  # the termination date itself
        (date(2027, 2, 8), False),  # after the termination, within the planned period
        (date(2027, 2, 13), False),  # after the planned end
    ]:
        assert HoursForm(_hours(day), placement=placement).is_valid() is ok, day


def test_replacing_the_workplace_supervisor_ends_the_links_addressed_to_the_one_before(
    client, placement, coordinator
):
    old = placement.primary_workplace_supervisor
    confirm = _link(placement, "placements-hours-confirm", email=old.email)
    visit = VisitFactory(placement=placement)
    input_url = _link(placement, "visit_input", email=old.email, target=visit)
    student_url = _link(placement, "placements-hours")
    new = WorkplaceSupervisorFactory(host=placement.host, email="nieuw@bakkerij.example")
    changed, result = services.edit_placement(
        placement, {}, supervisors=[new], primary=new, actor=coordinator, accept_warnings=True
    )
    assert changed is not None, result.errors
    assert client.get(confirm).status_code == 410
    assert client.get(input_url).status_code == 410
    assert client.get(student_url).status_code == 200  # the student's own link is not the supervisor's


def test_an_hours_link_lasts_until_two_weeks_after_the_last_day(
    login, coordinator, placement, django_capture_on_commit_callbacks
):
    staff = login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("placements:placement_hours_link", args=[placement.pk, "student"]))
    assert link_in_sent_mail(url_contains="/l/")
    link = AccessLink.objects.get()
    expected = placement.end_date + timedelta(days=services.HOURS_LINK_GRACE_DAYS)
    assert abs((timezone.localdate(link.expires_at) - expected).days) <= 1


def test_no_hours_link_is_sent_for_a_stage_long_over(login, coordinator, placement):
    today = timezone.localdate()
    Placement.objects.filter(pk=placement.pk).update(
        start_date=today - timedelta(days=60), end_date=today - timedelta(days=30)
    )
    staff = login(coordinator)
    response = staff.post(
        reverse("placements:placement_hours_link", args=[placement.pk, "student"]), follow=True
    )
    assert "voorbij" in response.content.decode()
    assert not AccessLink.objects.exists()
