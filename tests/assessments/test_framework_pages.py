"""Framework and scale pages: staff read, coordinators manage their own department's lists."""

import pytest
from django.urls import reverse

from assessments.models import Competency, CompetencyFramework, Scale

pytestmark = pytest.mark.django_db


def test_a_coordinator_copies_a_standard_list_and_edits_a_competency(
    login, coordinator, vmbo_framework, department
):
    client = login(coordinator)
    response = client.post(
        reverse("assessments:framework_new"), {"source": vmbo_framework.pk, "department": department.pk}
    )
    copy = CompetencyFramework.objects.get(department=department)
    assert response.url == reverse("assessments:framework_detail", args=[copy.pk])
    competency = copy.competencies.first()
    level = copy.scale.levels.get(label="voldoende")
    response = client.post(
        reverse("assessments:competency_edit", args=[competency.pk]),
        {
            "name": "Inzet",
            "description": "",
            f"indicator_{level.pk}": "Doet mee.",
            f"student_{level.pk}": "Ik doe mee.",
        },
    )
    assert response.status_code == 302
    competency.refresh_from_db()
    assert competency.name == "Inzet"
    assert competency.indicators.get().text == "Doet mee."
    page = client.get(reverse("assessments:framework_detail", args=[copy.pk])).content.decode()
    assert "Ik doe mee." in page


def test_staff_of_every_role_read_the_lists(login, leader, supervisor, own_framework, vmbo_framework):
    for user in (leader, supervisor):
        client = login(user)
        assert client.get(reverse("assessments:framework_list")).status_code == 200
        assert client.get(reverse("assessments:framework_detail", args=[own_framework.pk])).status_code == 200
        assert (
            client.get(reverse("assessments:framework_detail", args=[vmbo_framework.pk])).status_code == 200
        )


@pytest.mark.parametrize(
    "name",
    ["framework_edit", "competency_add"],
)
def test_a_leader_or_supervisor_cannot_change_a_list(login, leader, supervisor, own_framework, name):
    for user in (leader, supervisor):
        assert login(user).get(reverse(f"assessments:{name}", args=[own_framework.pk])).status_code == 403
    competency = own_framework.competencies.first()
    response = login(leader).post(reverse("assessments:competency_edit", args=[competency.pk]), {"name": "X"})
    assert response.status_code == 403
    assert login(leader).get(reverse("assessments:framework_new")).status_code == 403
    assert login(leader).get(reverse("assessments:scale_new")).status_code == 403


def test_another_schools_list_is_not_found(login, coordinator, foreign_framework):
    client = login(coordinator)
    assert client.get(reverse("assessments:framework_detail", args=[foreign_framework.pk])).status_code == 404
    assert client.get(reverse("assessments:framework_edit", args=[foreign_framework.pk])).status_code == 404
    competency = foreign_framework.competencies.first()
    assert client.post(reverse("assessments:competency_delete", args=[competency.pk])).status_code == 404
    # Nor can it be the source of a copy.
    response = client.post(reverse("assessments:framework_new"), {"source": foreign_framework.pk})
    assert response.status_code == 200
    assert not CompetencyFramework.objects.filter(name__contains="eigen versie").exists()


def test_a_standard_list_cannot_be_edited_even_by_a_coordinator(login, coordinator, vmbo_framework):
    client = login(coordinator)
    assert client.get(reverse("assessments:framework_edit", args=[vmbo_framework.pk])).status_code == 403
    competency = vmbo_framework.competencies.first()
    assert client.post(reverse("assessments:competency_delete", args=[competency.pk])).status_code == 403
    assert Competency.objects.filter(pk=competency.pk).exists()


def test_a_too_long_name_or_indicator_is_refused_and_nothing_changes(login, coordinator, own_framework):
    competency = own_framework.competencies.first()
    level = own_framework.scale.levels.first()
    response = login(coordinator).post(
        reverse("assessments:competency_edit", args=[competency.pk]),
        {"name": "x" * 151, f"indicator_{level.pk}": "y" * 501},
    )
    assert response.status_code == 200
    competency.refresh_from_db()
    assert competency.name.startswith("Competentie")


def test_removing_below_five_competencies_is_refused_with_a_message(login, coordinator, own_framework):
    competency = own_framework.competencies.first()
    response = login(coordinator).post(
        reverse("assessments:competency_delete", args=[competency.pk]), follow=True
    )
    assert "minstens 5" in response.content.decode()
    assert own_framework.competencies.count() == 5


def test_a_coordinator_makes_a_scale_with_ordered_levels(login, coordinator, department):
    response = login(coordinator).post(
        reverse("assessments:scale_new"),
        {
            "name": "Sterren",
            "department": department.pk,
            "label_0": "één ster",
            "label_1": "twee sterren",
            "passing_1": "on",
            "label_2": "drie sterren",
            "passing_2": "on",
        },
    )
    assert response.status_code == 302
    scale = Scale.objects.get(name="Sterren")
    assert [(lvl.order, lvl.label, lvl.passing) for lvl in scale.levels.all()] == [
        (0, "één ster", False),
        (1, "twee sterren", True),
        (2, "drie sterren", True),
    ]


def test_a_scale_without_a_passing_level_or_with_twice_the_same_level_is_refused(
    login, coordinator, department
):
    client = login(coordinator)
    for data in (
        {"label_0": "a", "label_1": "b"},
        {"label_0": "a", "label_1": "A", "passing_1": "on"},
    ):
        response = client.post(
            reverse("assessments:scale_new"), {"name": "X", "department": department.pk, **data}
        )
        assert response.status_code == 200
    assert not Scale.objects.filter(name="X").exists()


def test_a_coordinator_cannot_make_a_scale_for_another_department(login, coordinator, other_department):
    response = login(coordinator).post(
        reverse("assessments:scale_new"),
        {"name": "X", "department": other_department.pk, "label_0": "a", "label_1": "b", "passing_1": "on"},
    )
    assert response.status_code == 200
    assert not Scale.objects.filter(name="X").exists()
