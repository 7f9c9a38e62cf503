"""Teacher education speaks its own words and has a school-side team (issue 10, point 27):
the instituutsopleider (the school supervisor), the schoolopleider of the
opleidingsschool, set by the coordinator only, and the werkplekbegeleiders."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from placements.models import PlanKind
from placements.rules import guardian_signs
from placements.wording import role_word
from stagebeheer.history import history_of
from tests.factories.core import SchoolFactory
from tests.factories.placements import (
    HostFactory,
    PlacementFactory,
    PlacementPlanFactory,
    WorkplaceSupervisorFactory,
)
from tests.placements.test_placement_form import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def te_plan(department):
    return PlacementPlanFactory(department=department, kind=PlanKind.TEACHER_EDUCATION)


@pytest.fixture
def te_placement(te_plan, host, supervisor):
    return PlacementFactory(plan=te_plan, host=host, school_supervisor=supervisor)


@pytest.fixture
def trainer(host):
    return WorkplaceSupervisorFactory(host=host, name="Marloes Visser", position="schoolopleider")


def edit_data(placement, **extra):
    link = placement.supervisor_links.get()
    data = form_data(
        placement.student,
        placement.host,
        school_supervisor=placement.school_supervisor_id,
        workplace_supervisors=[link.workplace_supervisor_id],
        primary_supervisor=link.workplace_supervisor_id,
        start_date=f"{placement.start_date:%Y-%m-%d}",
        end_date=f"{placement.end_date:%Y-%m-%d}",
        activities=placement.activities,
    )
    data.update(extra)
    return data


def test_each_kind_names_its_roles():
    assert role_word("teacher_education", "student") == "student"
    assert role_word("teacher_education", "workplace_supervisor") == "werkplekbegeleider"
    assert role_word("teacher_education", "school_supervisor") == "instituutsopleider"
    assert role_word("mbo_bpv", "student") == "student"
    assert role_word("vmbo_orientation", "student") == "leerling"
    assert role_word("vmbo_orientation", "workplace_supervisor") == "praktijkbegeleider"
    assert role_word(None, "school_supervisor") == "stagebegeleider"


def test_a_guardian_signs_only_for_a_minor_and_never_in_teacher_education(te_placement):
    student = te_placement.student
    student.date_of_birth = date(2010, 1, 1)
    on = date(2027, 2, 1)
    assert guardian_signs(student, PlanKind.VMBO_ORIENTATION, on)
    assert not guardian_signs(student, PlanKind.TEACHER_EDUCATION, on)
    student.date_of_birth = date(2000, 1, 1)
    assert not guardian_signs(student, PlanKind.VMBO_ORIENTATION, on)


def test_the_teacher_education_page_speaks_of_student_and_its_team(login, coordinator, te_placement, trainer):
    te_placement.school_trainer = trainer
    te_placement.save()
    page = (
        login(coordinator)
        .get(reverse("placements:placement_detail", args=[te_placement.pk]))
        .content.decode()
    )
    for word in ("Student", "Instituutsopleider", "Schoolopleider", "Werkplekbegeleider", "Opleidingsschool"):
        assert f">{word}</dt>" in page, word
    assert "Marloes Visser" in page
    assert ">Leerling</dt>" not in page
    assert ">Praktijkbegeleider" not in page
    assert "Link voor uren naar student sturen" in page


def test_a_vo_page_still_speaks_of_the_leerling(login, coordinator, placement):
    page = (
        login(coordinator).get(reverse("placements:placement_detail", args=[placement.pk])).content.decode()
    )
    assert ">Leerling</dt>" in page
    assert ">Praktijkbegeleider</dt>" in page
    assert ">Stagebegeleider</dt>" in page
    assert "Schoolopleider" not in page


def test_the_coordinator_names_the_schoolopleider_on_the_edit_page(login, coordinator, te_placement, trainer):
    client = login(coordinator)
    url = reverse("placements:placement_edit", args=[te_placement.pk])
    assert "Schoolopleider" in client.get(url).content.decode()

    response = client.post(url, edit_data(te_placement, school_trainer=trainer.pk))

    assert response.status_code == 302
    te_placement.refresh_from_db()
    assert te_placement.school_trainer == trainer
    assert any("Schoolopleider: Marloes Visser" in h.text for h in history_of(te_placement))


def test_removing_the_schoolopleider_is_recorded(login, coordinator, te_placement, trainer):
    te_placement.school_trainer = trainer
    te_placement.save()
    url = reverse("placements:placement_edit", args=[te_placement.pk])
    response = login(coordinator).post(url, edit_data(te_placement, school_trainer=""))
    assert response.status_code == 302
    te_placement.refresh_from_db()
    assert te_placement.school_trainer is None
    assert any("Schoolopleider verwijderd" in h.text for h in history_of(te_placement))


def test_the_supervisor_may_not_change_the_team(login, supervisor, te_placement, trainer):
    url = reverse("placements:placement_edit", args=[te_placement.pk])
    response = login(supervisor).post(url, edit_data(te_placement, school_trainer=trainer.pk))
    assert response.status_code == 403
    te_placement.refresh_from_db()
    assert te_placement.school_trainer is None


def test_another_supervisor_does_not_even_see_it(login, other_supervisor, te_placement, trainer):
    url = reverse("placements:placement_edit", args=[te_placement.pk])
    response = login(other_supervisor).post(url, edit_data(te_placement, school_trainer=trainer.pk))
    assert response.status_code == 404
    te_placement.refresh_from_db()
    assert te_placement.school_trainer is None


def test_a_person_of_another_host_is_refused_with_a_message(login, coordinator, department, te_placement):
    elsewhere = WorkplaceSupervisorFactory(host=HostFactory(school=department.school))
    url = reverse("placements:placement_edit", args=[te_placement.pk])
    response = login(coordinator).post(url, edit_data(te_placement, school_trainer=elsewhere.pk))
    assert response.status_code == 200
    assert "Kies een schoolopleider van de gekozen opleidingsschool." in response.content.decode()
    te_placement.refresh_from_db()
    assert te_placement.school_trainer is None


@pytest.mark.parametrize("value", ["999999", "abc", "1" * 40])
def test_someone_elses_or_a_broken_id_is_refused_with_a_message(login, coordinator, te_placement, value):
    if value == "999999":
        # A person at a host of another school: not among the choices.
        value = str(WorkplaceSupervisorFactory(host=HostFactory(school=SchoolFactory())).pk)
    url = reverse("placements:placement_edit", args=[te_placement.pk])
    response = login(coordinator).post(url, edit_data(te_placement, school_trainer=value))
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    te_placement.refresh_from_db()
    assert te_placement.school_trainer is None


def test_a_vo_placement_has_no_schoolopleider(login, coordinator, placement, host):
    person = WorkplaceSupervisorFactory(host=host)
    client = login(coordinator)
    url = reverse("placements:placement_edit", args=[placement.pk])
    assert "Schoolopleider" not in client.get(url).content.decode()
    client.post(url, edit_data(placement, school_trainer=person.pk))
    placement.refresh_from_db()
    assert placement.school_trainer is None


def test_the_team_adds_no_query_to_the_placement_page(login, coordinator, te_placement, trainer):
    client = login(coordinator)
    url = reverse("placements:placement_detail", args=[te_placement.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as without:
        client.get(url)
    te_placement.school_trainer = trainer
    te_placement.save()
    with CaptureQueriesContext(connection) as with_team:
        client.get(url)
    assert len(with_team) == len(without)
