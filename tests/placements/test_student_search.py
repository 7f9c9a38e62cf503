"""Searching students finds them as people type them."""

import pytest

from tests.factories.placements import StudentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def students(department):
    return {
        "sanne": StudentFactory(
            department=department, first_name="Sanne", last_name_prefix="de", last_name="Vries"
        ),
        "emre": StudentFactory(
            department=department, first_name="Emre", last_name_prefix="", last_name="Özkan"
        ),
        "other": StudentFactory(
            department=department, first_name="Piet", last_name_prefix="", last_name="Jansen"
        ),
    }


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("de Vries", "sanne"),
        ("Sanne de Vries", "sanne"),
        ("sanne  DE vries", "sanne"),
        ("ozkan", "emre"),
        ("Emre Özkan", "emre"),
        ("OZKAN", "emre"),
    ],
)
def test_the_student_list_finds_a_name_with_tussenvoegsel_and_without_accents(
    students, login, coordinator, query, who
):
    page = login(coordinator).get("/students/", {"q": query})
    assert page.status_code == 200
    html = page.content.decode()
    assert students[who].last_name in html
    assert "Jansen" not in html


def test_the_overview_search_finds_the_full_name(students, plan, login, coordinator):
    page = login(coordinator).get("/overview/", {"plan": plan.pk, "q": "sanne de vries"})
    assert page.status_code == 200
    assert [row.pk for row in page.context["page"]] == [students["sanne"].pk]


def test_renaming_a_student_keeps_the_search_name_in_step(students):
    student = students["other"]
    student.last_name = "Çelik"
    student.save(update_fields=["last_name"])
    student.refresh_from_db()
    assert student.search_name == "piet celik"
