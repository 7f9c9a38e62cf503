"""The workplace supervisor's form and the student's self-assessment, through the link only."""

import pytest
from django.utils import timezone

from assessments.models import Assessment, Score
from assessments.opening import PURPOSE, open_round
from assessments.presets import apply_default
from stagebeheer.models import AccessLink, OutgoingMessage
from tests.assessments.conftest import running_placement
from tests.factories.assessments import FrameworkFactory
from tests.sent_links import token_sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def final_round(placement):
    setup = apply_default(placement.plan)
    return setup.rounds.get(kind="final")


@pytest.fixture
def placement(department, supervisor):
    return running_placement(department, supervisor)


def _token_for(assessment):
    """Issue a fresh link (as a resend does) and return its token."""
    from assessments.opening import send_link

    OutgoingMessage.objects.all().delete()
    send_link(assessment)
    return token_sent_to(OutgoingMessage.objects.get().to_email)


def _form_data(assessment, level_label="voldoende", **extra):
    level = assessment.framework.scale.levels.get(label=level_label)
    data = {"revision": assessment.revision, "tops": "Vriendelijk", "tips": "Meer vragen stellen"}
    for competency in assessment.framework.competencies.all():
        data[f"level_{competency.pk}"] = level.pk
    data.update(extra)
    return data


@pytest.fixture
def workplace_form(placement, final_round):
    open_round(placement, final_round)
    return Assessment.objects.get(placement=placement, round=final_round, party="workplace")


@pytest.fixture
def self_form(placement, final_round):
    open_round(placement, final_round)
    return Assessment.objects.get(placement=placement, round=final_round, party="student")


def test_opening_a_round_mails_the_workplace_supervisor_and_the_student(placement, final_round):
    assert open_round(placement, final_round) == 3
    recipients = set(OutgoingMessage.objects.values_list("to_email", flat=True))
    assert recipients == {placement.student.email, placement.primary_workplace_supervisor.email}
    assert AccessLink.objects.filter(purpose=PURPOSE).count() == 2
    # The school supervisor fills in in the app: no link.
    assert Assessment.objects.get(party="school").status == "open"


def test_the_workplace_supervisor_drafts_comes_back_and_submits_then_reads_it_only(client, workplace_form):
    token = _token_for(workplace_form)
    url = f"/l/{token}/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Inzet tonen" in html
    assert "Doet het werk dat gevraagd wordt en maakt het af." in html  # the indicator text
    competency = workplace_form.framework.competencies.first()
    good = workplace_form.framework.scale.levels.get(label="goed")
    draft = client.post(
        f"{url}draft/",
        {
            "revision": 0,
            f"level_{competency.pk}": good.pk,
            f"comment_{competency.pk}": "Altijd bezig",
            "tops": "Top",
        },
    )
    assert draft.status_code == 200
    assert "Uw concept is opgeslagen" in draft.content.decode()
    workplace_form.refresh_from_db()
    assert (workplace_form.status, workplace_form.revision) == ("draft", 1)
    # Closing the phone and coming back: the draft is there.
    again = client.get(url).content.decode()
    assert "Altijd bezig" in again
    assert f'value="{good.pk}" checked' in again
    response = client.post(url, _form_data(workplace_form))
    assert response.status_code == 200
    assert "Dank u wel" in response.content.decode()
    workplace_form.refresh_from_db()
    assert workplace_form.status == "submitted"
    assert workplace_form.submitted_by_label
    assert (
        Score.objects.filter(assessment=workplace_form).count()
        == workplace_form.framework.competencies.count()
    )
    read_only = client.get(url)
    assert read_only.status_code == 200
    assert "dit formulier is verstuurd" in read_only.content.decode()
    assert "<form" not in read_only.content.decode().split("<main")[-1].split("</main>")[0]


def test_the_student_reads_the_indicators_in_their_own_words(client, self_form):
    html = client.get(f"/l/{_token_for(self_form)}/").content.decode()
    assert "Jouw zelfbeoordeling" in html
    assert "Ik doe wat gevraagd wordt en maak het af." in html
    assert "Doet het werk dat gevraagd wordt" not in html


def test_the_student_submits_the_self_assessment(client, self_form):
    token = _token_for(self_form)
    response = client.post(f"/l/{token}/", _form_data(self_form, "goed"))
    assert response.status_code == 200
    self_form.refresh_from_db()
    assert self_form.status == "submitted"


def test_opening_the_form_changes_nothing(client, workplace_form):
    token = _token_for(workplace_form)
    client.get(f"/l/{token}/")
    client.get(f"/l/{token}/")
    workplace_form.refresh_from_db()
    assert (workplace_form.status, workplace_form.revision) == ("open", 0)
    assert AccessLink.objects.for_target(workplace_form).get(revoked_at__isnull=True).completed_at is None


def test_a_second_submit_of_the_same_form_stores_nothing(client, workplace_form):
    token = _token_for(workplace_form)
    client.post(f"/l/{token}/", _form_data(workplace_form, "goed"))
    second = client.post(f"/l/{token}/", _form_data(workplace_form, "onvoldoende"))
    assert second.status_code in (200, 410)
    assert "<form" not in second.content.decode().split("<main")[-1]
    assert set(Score.objects.values_list("level__label", flat=True)) == {"goed"}


def test_a_used_link_replayed_as_a_draft_stores_nothing(client, workplace_form):
    token = _token_for(workplace_form)
    client.post(f"/l/{token}/", _form_data(workplace_form, "goed"))
    replay = client.post(f"/l/{token}/draft/", _form_data(workplace_form, "onvoldoende", revision=1))
    assert replay.status_code in (200, 410)
    assert set(Score.objects.values_list("level__label", flat=True)) == {"goed"}


def test_a_revoked_link_gets_a_clear_page_and_stores_nothing(client, workplace_form):
    token = _token_for(workplace_form)
    AccessLink.objects.filter(purpose=PURPOSE).update(revoked_at=timezone.now())
    response = client.post(f"/l/{token}/", _form_data(workplace_form))
    assert response.status_code == 410
    assert not Score.objects.exists()


def test_a_save_from_an_older_page_is_refused_and_keeps_its_input(client, workplace_form):
    token = _token_for(workplace_form)
    client.post(f"/l/{token}/draft/", _form_data(workplace_form, "goed", tops="Eerste tab"))
    stale = client.post(
        f"/l/{token}/draft/", _form_data(workplace_form, "onvoldoende", revision=0, tops="Tweede tab")
    )
    assert stale.status_code == 409
    html = stale.content.decode()
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in html
    assert "Tweede tab" in html
    workplace_form.refresh_from_db()
    assert workplace_form.tops == "Eerste tab"
    stale_submit = client.post(f"/l/{token}/", _form_data(workplace_form, "onvoldoende", revision=0))
    assert stale_submit.status_code == 409
    workplace_form.refresh_from_db()
    assert workplace_form.status == "draft"
    # The refused submit did not use up the link.
    assert AccessLink.objects.for_target(workplace_form).get(revoked_at__isnull=True).completed_at is None


@pytest.mark.parametrize(
    "bad",
    [
        {"tops": "x" * 2001},
        {"revision": "nul"},
        {"revision": ""},
    ],
)
def test_bad_input_gets_a_message_and_stores_nothing(client, workplace_form, bad):
    token = _token_for(workplace_form)
    response = client.post(f"/l/{token}/", _form_data(workplace_form, **bad))
    assert response.status_code == 400
    assert not Score.objects.exists()
    workplace_form.refresh_from_db()
    assert workplace_form.status == "open"


def test_a_level_outside_the_scale_is_refused(client, workplace_form):
    token = _token_for(workplace_form)
    competency = workplace_form.framework.competencies.first()
    other_scale_level = FrameworkFactory().scale.levels.first()
    for level in (other_scale_level.pk, 999999, "goed", -1):
        response = client.post(
            f"/l/{token}/", _form_data(workplace_form, **{f"level_{competency.pk}": level})
        )
        assert response.status_code == 400
        assert "hoort niet bij deze schaal" in response.content.decode()
    assert not Score.objects.exists()


def test_a_competency_of_another_framework_is_refused(client, workplace_form, department, supervisor):
    token = _token_for(workplace_form)
    foreign = FrameworkFactory(department=department).competencies.first()
    level = workplace_form.framework.scale.levels.first()
    response = client.post(f"/l/{token}/", _form_data(workplace_form, **{f"level_{foreign.pk}": level.pk}))
    assert response.status_code == 400
    assert "niet op deze lijst" in response.content.decode()
    assert not Score.objects.exists()


def test_submitting_without_a_level_for_every_competency_is_refused_but_a_draft_may_be_partial(
    client, workplace_form
):
    token = _token_for(workplace_form)
    competency = workplace_form.framework.competencies.first()
    data = _form_data(workplace_form)
    del data[f"level_{competency.pk}"]
    response = client.post(f"/l/{token}/", data)
    assert response.status_code == 400
    assert "Kies een niveau voor" in response.content.decode()
    assert client.post(f"/l/{token}/draft/", data).status_code == 200


def test_a_comment_that_is_too_long_is_refused(client, workplace_form):
    token = _token_for(workplace_form)
    competency = workplace_form.framework.competencies.first()
    response = client.post(
        f"/l/{token}/", _form_data(workplace_form, **{f"comment_{competency.pk}": "x" * 1001})
    )
    assert response.status_code == 400
    assert not Score.objects.exists()


def test_another_placements_form_cannot_be_reached_with_this_link(
    client, workplace_form, department, other_supervisor
):
    other = running_placement(department, other_supervisor, plan=workplace_form.placement.plan)
    open_round(other, workplace_form.round)
    theirs = Assessment.objects.get(placement=other, party="workplace")
    token = _token_for(workplace_form)
    # Ids of the other placement's competencies are the same framework: the form is keyed to this link's target.
    client.post(f"/l/{token}/", _form_data(theirs))
    theirs.refresh_from_db()
    assert theirs.status == "open"
    workplace_form.refresh_from_db()
    assert workplace_form.status == "submitted"


def test_the_link_page_offers_the_guide_and_reporting_a_concern(client, workplace_form):
    html = client.get(f"/l/{_token_for(workplace_form)}/").content.decode()
    assert "/report-concern/" in html
    assert "/guide/" in html
