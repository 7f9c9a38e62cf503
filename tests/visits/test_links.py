"""Emailed links: the workplace supervisor's input, and the concern and guide
actions offered on every link page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from stagebeheer.models import AccessLink, OutgoingMessage
from tests.factories.visits import VisitFactory
from visits.inputs import PURPOSE, request_input
from visits.models import Concern, PlanGuide, WorkplaceInput
from visits.tasks import send_input_requests

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(placement):
    return VisitFactory(placement=placement, planned_on=timezone.localdate() + timedelta(days=3))


def _link(visit):
    link, token = AccessLink.issue(
        purpose=PURPOSE,
        target=visit,
        recipient_name="Piet Praktijk",
        recipient_email="piet@bedrijf.example",
        recipient_role="praktijkbegeleider",
        department=visit.placement.plan.department,
    )
    return link, token


def test_the_task_asks_the_workplace_supervisor_once(visit):
    assert send_input_requests() == 1
    assert send_input_requests() == 0
    message = OutgoingMessage.objects.get()
    assert message.to_email == visit.placement.primary_workplace_supervisor.email
    assert "/l/" in message.body_text
    assert AccessLink.objects.filter(purpose=PURPOSE).count() == 1


def test_no_input_is_asked_for_a_phone_introduction_or_far_ahead(placement):
    VisitFactory(
        placement=placement, purpose="introduction", planned_on=timezone.localdate() + timedelta(days=2)
    )
    VisitFactory(placement=placement, planned_on=timezone.localdate() + timedelta(days=20))
    assert send_input_requests() == 0


def test_the_workplace_supervisor_answers_and_the_supervisor_sees_it(client, login, supervisor, visit):
    _, token = _link(visit)
    page = client.get(f"/l/{token}/")
    assert page.status_code == 200
    assert escape(visit.placement.student.full_name) in page.content.decode()  # "van 't Hof" escaped
    response = client.post(f"/l/{token}/", {"judgement": "Komt goed mee, soms stil."})
    assert response.status_code == 200
    assert WorkplaceInput.objects.get(visit=visit).submitted_by == "Piet Praktijk"
    html = login(supervisor).get(reverse("visits:visit_log", args=[visit.pk])).content.decode()
    assert "Komt goed mee, soms stil." in html


def test_a_double_submit_stores_the_answer_once(client, visit):
    _, token = _link(visit)
    client.post(f"/l/{token}/", {"judgement": "Eerste"})
    second = client.post(f"/l/{token}/", {"judgement": "Tweede"})
    assert second.status_code == 410
    assert WorkplaceInput.objects.get().judgement == "Eerste"


def test_an_empty_answer_gets_a_message_and_stores_nothing(client, visit):
    _, token = _link(visit)
    response = client.post(f"/l/{token}/", {"judgement": ""})
    assert response.status_code == 400
    assert not WorkplaceInput.objects.exists()
    assert AccessLink.objects.get().completed_at is None


def test_the_supervisor_can_ask_for_input_by_hand(login, supervisor, visit):
    login(supervisor).post(reverse("visits:visit_request_input", args=[visit.pk]))
    assert OutgoingMessage.objects.count() == 1
    assert AccessLink.objects.filter(purpose=PURPOSE).usable().count() == 1
    # Asking again replaces the link: the old one stops working.
    login(supervisor).post(reverse("visits:visit_request_input", args=[visit.pk]))
    assert AccessLink.objects.filter(purpose=PURPOSE).usable().count() == 1
    assert OutgoingMessage.objects.count() == 2


def test_every_link_page_offers_the_concern_and_guide_actions(client, visit):
    _, token = _link(visit)
    html = client.get(f"/l/{token}/").content.decode()
    assert f"/l/{token}/report-concern/" in html
    assert f"/l/{token}/guide/" in html


def _concern_data(client, token, **extra):
    form = client.get(f"/l/{token}/report-concern/").context["form"]
    data = {
        "reporter_role": "workplace_supervisor",
        "kind": "social_unsafety",
        "occurred_on": timezone.localdate().isoformat(),
        "description": "Een collega scheldt de leerling uit.",
        "nonce": form.initial["nonce"],
    }
    data.update(extra)
    return data


@pytest.mark.smoke
def test_a_concern_reported_through_a_link_is_stored_once(client, visit, coordinator):
    _, token = _link(visit)
    data = _concern_data(client, token)
    assert client.post(f"/l/{token}/report-concern/", data).status_code == 200
    assert client.post(f"/l/{token}/report-concern/", data).status_code == 200
    concern = Concern.objects.get()
    assert concern.placement == visit.placement
    assert concern.reporter_name == "Piet Praktijk"
    assert concern.reported_by is None


def test_reporting_still_works_after_the_form_was_sent(client, visit):
    link, token = _link(visit)
    link.claim_completion()
    assert client.post(f"/l/{token}/report-concern/", _concern_data(client, token)).status_code == 200
    assert Concern.objects.count() == 1


def test_a_link_concern_with_bad_input_is_refused(client, visit):
    _, token = _link(visit)
    data = _concern_data(client, token, description="", occurred_on="2099-01-01")
    assert client.post(f"/l/{token}/report-concern/", data).status_code == 400
    assert not Concern.objects.exists()


def test_a_link_without_a_placement_degrades_gracefully(client, placement):
    # A link whose target has no placement (here: the host) and no department.
    _, token = AccessLink.issue(
        purpose=PURPOSE, target=placement.host, recipient_name="Iemand", recipient_email="x@example.org"
    )
    response = client.get(f"/l/{token}/report-concern/")
    assert response.status_code == 200
    assert "contact op met de stagecoördinator" in response.content.decode()
    assert client.get(f"/l/{token}/guide/").status_code == 200


def test_the_guide_shows_the_plans_own_text(client, visit):
    PlanGuide.objects.create(plan=visit.placement.plan, not_allowed="Niet met de snijmachine werken.")
    _, token = _link(visit)
    html = client.get(f"/l/{token}/guide/").content.decode()
    assert "Niet met de snijmachine werken." in html
    assert "Voordoen" in html  # the default for sections the plan left empty


def test_a_placement_link_resolves_its_placement(client, placement):
    _, token = AccessLink.issue(
        purpose="placements-hours",
        target=placement,
        recipient_name="Ouder",
        recipient_email="o@example.org",
        recipient_role="ouder van de leerling",
    )
    form = client.get(f"/l/{token}/report-concern/").context["form"]
    assert form.initial["reporter_role"] == "guardian"


def test_request_input_without_a_workplace_supervisor_sends_nothing(department, supervisor):
    from tests.visits.conftest import running_placement

    placement = running_placement(department, supervisor, workplace_supervisor=False)
    visit = VisitFactory(placement=placement)
    assert request_input(visit) is False
    assert not OutgoingMessage.objects.exists()
