"""Every kind of link knows its placement, so a concern reported from it
reaches the student's supervisor and the guide is the plan's own."""

import pytest
from django.utils import timezone

from agreements.models import Agreement, AgreementTemplate, SignatureRequest
from agreements.services import LINK_PURPOSE as SIGN_PURPOSE
from assessments.opening import PURPOSE as ASSESSMENT_PURPOSE
from evaluations.services import PURPOSE as EVALUATION_PURPOSE
from stagebeheer import links
from stagebeheer.models import AccessLink, OutgoingMessage
from tests.factories.visits import VisitFactory
from visits.inputs import PURPOSE as INPUT_PURPOSE
from visits.models import Concern

pytestmark = pytest.mark.django_db


def _signature_request(placement):
    template = AgreementTemplate.current(placement.plan.department, placement.plan.agreement_kind)
    agreement = Agreement.objects.create(
        placement=placement, version=1, kind=template.kind, template=template, status="sent"
    )
    return SignatureRequest.objects.create(agreement=agreement, party="host", name="Piet Praktijk")


def _evaluation_invitation(placement):
    from evaluations.models import EvaluationInvitation
    from evaluations.services import current_form

    form = current_form(placement.plan, "student")
    return EvaluationInvitation.objects.create(placement=placement, audience="student", form=form)


def _wish_participant(placement):
    from placements.models import WishParticipant, WishRound

    round_ = WishRound.objects.create(
        plan=placement.plan,
        title="Wensronde",
        start_date=placement.start_date,
        end_date=placement.end_date,
        closes_on=placement.start_date,
        state="accepted",
    )
    return WishParticipant.objects.create(round=round_, student=placement.student, placement=placement)


# How to make the target of each purpose for a placement. A new purpose must be
# added here, so no kind of link can lose its placement unnoticed.
def _assessment_form(placement):
    from assessments.models import Assessment
    from assessments.presets import apply_default

    setup = apply_default(placement.plan)
    assessment, _created = Assessment.objects.get_or_create(
        placement=placement,
        round=setup.rounds.get(kind="final"),
        party="workplace",
        defaults={"framework": setup.framework, "due_on": placement.end_date},
    )
    return assessment


def _staff_membership(placement):
    from tests.factories.core import MembershipFactory, UserFactory

    return MembershipFactory(user=UserFactory(), department=placement.plan.department, role="supervisor")


# Links about no placement at all (an invitation to the team); they resolve to None.
WITHOUT_PLACEMENT = {"staff_invitation"}

TARGETS = {
    "staff_invitation": _staff_membership,
    "placements-hours": lambda placement: placement,
    "placements-hours-confirm": lambda placement: placement,
    SIGN_PURPOSE: _signature_request,
    "agreement-copy": _signature_request,
    INPUT_PURPOSE: lambda placement: VisitFactory(placement=placement),
    ASSESSMENT_PURPOSE: _assessment_form,
    EVALUATION_PURPOSE: _evaluation_invitation,
    # A wish link resolves to the placement once the proposal is accepted.
    "placements-wishes": _wish_participant,
}


def _issue(purpose, placement):
    return AccessLink.issue(
        purpose=purpose,
        target=TARGETS[purpose](placement),
        recipient_name="Piet Praktijk",
        recipient_email="piet@bedrijf.example",
        department=placement.plan.department,
    )


def test_every_link_purpose_is_listed_here():
    links.discover()
    assert set(links._handlers) <= set(TARGETS), "add the new purpose to TARGETS in this test"


@pytest.mark.parametrize("purpose", sorted(set(TARGETS) - WITHOUT_PLACEMENT))
def test_each_link_resolves_to_its_placement(purpose, placement):
    link, _token = _issue(purpose, placement)
    assert links.placement_of(link) == placement


@pytest.mark.parametrize("purpose", sorted(WITHOUT_PLACEMENT))
def test_a_link_about_no_placement_resolves_to_none(purpose, placement):
    link, _token = _issue(purpose, placement)
    assert links.placement_of(link) is None


def test_a_concern_from_a_signing_link_reaches_the_students_supervisor(client, placement, supervisor):
    _link, token = _issue(SIGN_PURPOSE, placement)
    form = client.get(f"/l/{token}/report-concern/")
    assert form.status_code == 200
    assert form.context["form"]["kind"].value() in (None, "")  # nothing preselected
    response = client.post(
        f"/l/{token}/report-concern/",
        {
            "reporter_role": "workplace_supervisor",
            "kind": "misuse_times",
            "occurred_on": timezone.localdate().isoformat(),
            "description": "De leerling moet elke dag tot acht uur 's avonds blijven.",
            "nonce": form.context["form"].initial["nonce"],
        },
    )
    assert response.status_code == 200
    concern = Concern.objects.get()
    assert concern.placement == placement
    assert OutgoingMessage.objects.filter(to_email=supervisor.email, object_id=concern.pk).exists()


def test_a_concern_without_a_kind_is_refused(client, placement):
    _link, token = _issue(SIGN_PURPOSE, placement)
    form = client.get(f"/l/{token}/report-concern/").context["form"]
    data = {
        "reporter_role": "student",
        "kind": "",
        "occurred_on": timezone.localdate().isoformat(),
        "description": "Iets",
        "nonce": form.initial["nonce"],
    }
    assert client.post(f"/l/{token}/report-concern/", data).status_code == 400
    assert not Concern.objects.exists()
