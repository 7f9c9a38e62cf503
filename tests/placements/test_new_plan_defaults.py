"""A new plan starts from the law's and the school's usual choices."""

import pytest

from placements.navigation import current_school_year

pytestmark = pytest.mark.django_db


def test_a_new_plan_starts_with_the_forbidden_kinds_and_this_school_year(login, coordinator, department):
    page = login(coordinator).get(f"/plans/new/?department={department.pk}&kind=vmbo_orientation")
    assert page.status_code == 200
    form = page.context["form"]
    assert form["school_year"].value() == current_school_year()
    assert set(form["forbidden_host_kinds"].value()) == {"family", "side_job", "delivery"}
    html = page.content.decode()
    for kind in ("family", "side_job", "delivery"):
        assert f'value="{kind}"' in html
    assert html.count("checked") >= 3
