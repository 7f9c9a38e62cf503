"""Logging a contact moment: the four keys, agreed actions and their follow-up."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.visits import AgreedActionFactory, VisitFactory, WorkplaceInputFactory
from tests.querycount import assert_fixed_queries
from visits.models import AgreedAction, Visit

pytestmark = pytest.mark.django_db


def _data(**extra):
    data = {
        "held_on": timezone.localdate().isoformat(),
        "mode": "on_site",
        "with_student": "on",
        "with_workplace_supervisor": "on",
        "learning_moments": "Zelf een klant geholpen bij de kassa.",
        "learning_potential": "Kan ook de bestellingen leren doen.",
        "workplace_judgement": "Goed op weg.",
        "guidance_showing": "on",
        "guidance_entrusting": "on",
        "guidance_examples": "Liet zien hoe het deeg gekneed wordt.",
        "actions-TOTAL_FORMS": "2",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "10",
        "actions-0-description": "Vragen stellen als iets onduidelijk is",
        "actions-0-owner": "student",
        "actions-0-due_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
    }
    data.update(extra)
    return data


@pytest.fixture
def visit(placement):
    return VisitFactory(placement=placement, planned_on=timezone.localdate())


@pytest.mark.smoke
def test_supervisor_logs_a_visit_with_the_four_keys(login, supervisor, visit):
    response = login(supervisor).post(reverse("visits:visit_log", args=[visit.pk]), _data())
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == "done"
    assert visit.held_on == timezone.localdate()
    assert visit.learning_moments.startswith("Zelf")
    assert visit.guidance_choices == ["voordoen", "werk toevertrouwen"]
    assert visit.logged_by == supervisor
    action = AgreedAction.objects.get(visit=visit)
    assert action.owner == "student"


def test_open_actions_of_an_earlier_visit_are_followed_up(login, supervisor, placement, visit):
    earlier = VisitFactory(placement=placement, status="done", held_on=placement.start_date)
    action = AgreedActionFactory(visit=earlier)
    client = login(supervisor)
    page = client.get(reverse("visits:visit_log", args=[visit.pk]))
    assert action.description in page.content.decode()
    client.post(reverse("visits:visit_log", args=[visit.pk]), _data(done_actions=[str(action.pk)]))
    action.refresh_from_db()
    assert action.done
    assert action.followed_up_in_id == visit.pk


def test_an_unannounced_visit_is_marked(login, supervisor, visit):
    login(supervisor).post(reverse("visits:visit_log", args=[visit.pk]), _data(unannounced="on"))
    visit.refresh_from_db()
    assert visit.unannounced


def test_only_a_visit_at_the_host_can_be_unannounced(login, supervisor, visit):
    response = login(supervisor).post(
        reverse("visits:visit_log", args=[visit.pk]), _data(unannounced="on", mode="phone")
    )
    assert response.status_code == 200
    assert "onaangekondigd" in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == "planned"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("held_on", ""),
        ("held_on", "gisteren"),
        ("mode", "teleport"),
        ("learning_moments", "x" * 0),  # empty keys are allowed; the form still saves
    ],
)
def test_bad_input_changes_nothing(login, supervisor, visit, field, value):
    response = login(supervisor).post(reverse("visits:visit_log", args=[visit.pk]), _data(**{field: value}))
    visit.refresh_from_db()
    if field == "learning_moments":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert visit.status == "planned"
    assert not AgreedAction.objects.exists()


def test_a_log_of_the_future_is_refused(login, supervisor, visit):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = login(supervisor).post(reverse("visits:visit_log", args=[visit.pk]), _data(held_on=tomorrow))
    assert response.status_code == 200
    assert Visit.objects.get(pk=visit.pk).status == "planned"


def test_an_action_without_owner_is_refused(login, supervisor, visit):
    response = login(supervisor).post(
        reverse("visits:visit_log", args=[visit.pk]), _data(**{"actions-0-owner": ""})
    )
    assert response.status_code == 200
    assert Visit.objects.get(pk=visit.pk).status == "planned"


def test_the_pre_conversation_answer_appears_on_the_visit_form(login, supervisor, visit):
    WorkplaceInputFactory(visit=visit, judgement="Zeer betrokken, komt soms te laat.")
    html = login(supervisor).get(reverse("visits:visit_log", args=[visit.pk])).content.decode()
    assert "Zeer betrokken, komt soms te laat." in html
    assert "Piet Praktijk" in html


@pytest.mark.parametrize(
    ("persona", "status"), [("other_supervisor", 404), ("outsider", 404), ("leader", 403), ("mentor", 403)]
)
def test_others_cannot_log(login, request, visit, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("visits:visit_log", args=[visit.pk])).status_code == status
    assert client.post(reverse("visits:visit_log", args=[visit.pk]), _data()).status_code == status
    assert Visit.objects.get(pk=visit.pk).status == "planned"


def test_coordinator_may_log_for_the_department(login, coordinator, visit):
    assert login(coordinator).post(reverse("visits:visit_log", args=[visit.pk]), _data()).status_code == 302


def test_a_double_submit_stores_the_log_and_its_actions_once(login, supervisor, visit):
    client = login(supervisor)
    url = reverse("visits:visit_log", args=[visit.pk])
    client.post(url, _data(expected_status="planned"))
    second = client.post(url, _data(expected_status="planned", learning_moments="Anders"))
    assert second.status_code == 302
    assert AgreedAction.objects.filter(visit=visit).count() == 1
    assert Visit.objects.get(pk=visit.pk).learning_moments.startswith("Zelf")


def test_a_logged_visit_can_be_corrected(login, supervisor, visit):
    client = login(supervisor)
    url = reverse("visits:visit_log", args=[visit.pk])
    client.post(url, _data(expected_status="planned"))
    no_new_action = {"actions-0-description": "", "actions-0-owner": "", "actions-0-due_on": ""}
    response = client.post(url, _data(expected_status="done", learning_moments="Verbeterd", **no_new_action))
    assert response.status_code == 302
    assert Visit.objects.get(pk=visit.pk).learning_moments == "Verbeterd"
    assert AgreedAction.objects.filter(visit=visit).count() == 1


@pytest.mark.parametrize("page", ["visit_log", "visit_detail"])
def test_the_log_and_detail_pages_run_fixed_queries(login, supervisor, visit, page):
    earlier = VisitFactory(placement=visit.placement, status="done", held_on=visit.placement.start_date)
    AgreedActionFactory(visit=earlier)
    target = visit if page == "visit_log" else earlier
    assert_fixed_queries(
        login(supervisor),
        reverse(f"visits:{page}", args=[target.pk]),
        lambda: AgreedActionFactory.create_batch(10, visit=earlier),
    )


def test_the_judgement_field_starts_from_the_workplace_supervisors_answer(login, supervisor, visit):
    WorkplaceInputFactory(visit=visit, judgement="Komt altijd op tijd.")
    form = login(supervisor).get(reverse("visits:visit_log", args=[visit.pk])).context["form"]
    assert form["workplace_judgement"].value() == "Komt altijd op tijd."


def test_two_posts_that_both_passed_the_check_store_the_log_once(supervisor, visit):
    """The race the view's check cannot see: both requests read the moment as
    planned before either stored; the second must store nothing."""
    from visits import services
    from visits.forms import VisitLogForm

    first_read, second_read = Visit.objects.get(pk=visit.pk), Visit.objects.get(pk=visit.pk)
    action = [{"description": "Op tijd komen", "owner": "student", "due_on": timezone.localdate()}]
    form = VisitLogForm(_data(), instance=first_read)
    assert form.is_valid()
    services.log_visit(first_read, form=form, actions=action, done_action_ids=set(), actor=supervisor)
    late = VisitLogForm(_data(learning_moments="Tweede"), instance=second_read)
    assert late.is_valid()
    with pytest.raises(services.AlreadyLoggedError):
        services.log_visit(second_read, form=late, actions=action, done_action_ids=set(), actor=supervisor)
    assert AgreedAction.objects.filter(visit=visit).count() == 1
    assert Visit.objects.get(pk=visit.pk).learning_moments.startswith("Zelf")


def test_a_correction_posted_twice_adds_its_actions_once(login, supervisor, visit):
    client = login(supervisor)
    url = reverse("visits:visit_log", args=[visit.pk])
    client.post(url, _data(expected_status="planned", expected_logged_at=""))
    page = client.get(url)
    shown = page.context["visit"].logged_at
    correction = _data(
        expected_status="done",
        expected_logged_at=shown.isoformat(),
        learning_moments="Verbeterd",
        **{"actions-0-description": "Nieuwe afspraak"},
    )
    assert client.post(url, correction).status_code == 302
    again = client.post(url, correction)
    assert again.status_code == 302
    descriptions = list(AgreedAction.objects.filter(visit=visit).values_list("description", flat=True))
    assert descriptions.count("Nieuwe afspraak") == 1
