"""The department and whole-school dashboards as the school grows (issue 12)."""

import pytest
from django.db import connection

from tests.evaluations.test_dashboard import YEAR, _grow
from tests.factories.core import DepartmentFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def test_department_and_school_dashboards_with_1000_and_20000_placements(
    bench, login, leader, department, supervisor
):
    departments = [department] + [DepartmentFactory(school=department.school) for _ in range(3)]
    for other in departments[1:]:
        MembershipFactory(user=leader, department=other, role="leader")
    client = login(leader)
    pages = {
        "dashboard: department": f"/evaluations/dashboard/?year={YEAR}&department={department.pk}",
        "dashboard: whole school": f"/evaluations/dashboard/?year={YEAR}",
    }
    have = 0
    for size in (1000, 20000):
        for each in departments:
            _grow(each, supervisor, (size - have) // len(departments))
        have = size
        _analyze()
        for label, url in pages.items():
            bench(f"{label} ({size} placements)", lambda url=url: client.get(url))
