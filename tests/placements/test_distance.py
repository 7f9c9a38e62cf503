"""Distance: straight-line km between place centres where the vendored table knows
both postcodes, PC4 bands elsewhere; the plan's maximum is enforced (issue 10: 6)."""

import csv
import itertools
from datetime import date

import pytest
from django.urls import reverse

from placements import services
from placements.distance import TABLE, describe, km, place_of
from tests.factories.placements import WORKWEEK, HostFactory, PlacementPlanFactory, StudentFactory


def test_the_place_table_has_no_overlapping_ranges():
    with TABLE.open(encoding="utf-8") as handle:
        rows = sorted(
            (int(r["pc4_from"]), int(r["pc4_to"]))
            for r in csv.DictReader(line for line in handle if not line.startswith("#"))
        )
    assert all(first <= last for first, last in rows)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(rows))


def test_houten_to_utrecht_is_a_few_km_and_groningen_far():
    assert place_of("3992 GH")[0] == "Houten"
    assert 5 <= km("3992 GH", "3511 AB") <= 10
    assert 150 <= km("3992 GH", "9712 AB") <= 200
    assert describe("3992GH", "3511AB")["label"].startswith("ongeveer")


def test_postcodes_outside_the_table_fall_back_to_bands():
    found = describe("7511 AA", "7512 AA")
    assert found["km"] is None
    assert found["band"] == 1
    assert describe("", "3511 AB") is None
    assert describe("abcd", "3511 AB") is None


@pytest.mark.django_db
class TestThePlansMaximumDistance:
    @pytest.fixture
    def plan(self, department):
        return PlacementPlanFactory(department=department, max_distance_km=10)

    @pytest.fixture
    def student(self, department):
        return StudentFactory(department=department, postcode="3992 GH", date_of_birth=date(2008, 1, 1))

    def place(self, plan, student, host):
        return services.create_placement(
            dict(
                plan=plan,
                student=student,
                host=host,
                start_date=date(2027, 2, 1),
                end_date=date(2027, 2, 12),
                schedule=WORKWEEK,
            )
        )

    def test_a_host_in_groningen_is_refused_under_a_10_km_plan(self, plan, student, department):
        host = HostFactory(school=department.school, postcode="9712 AB", city="Groningen")
        placement, result = self.place(plan, student, host)
        assert placement is None
        assert any("km van de leerling" in e and "hoogstens 10 km" in e for e in result.errors)

    def test_a_host_in_utrecht_is_within_10_km_of_houten(self, plan, student, department):
        host = HostFactory(school=department.school, postcode="3511 AB")
        placement, result = self.place(plan, student, host)
        assert result.errors == []
        assert result.warnings == []
        assert placement is not None

    def test_an_unknown_distance_is_an_explicit_warning(self, plan, department):
        student = StudentFactory(department=department, postcode="", date_of_birth=date(2008, 1, 1))
        host = HostFactory(school=department.school, postcode="3511 AB")
        placement, result = self.place(plan, student, host)
        assert placement is None
        assert result.errors == []
        assert any("niet te bepalen" in w for w in result.warnings)

    def test_the_suggestions_leave_out_a_host_beyond_the_maximum(
        self, login, coordinator, plan, student, department
    ):
        HostFactory(school=department.school, name="Verre Bakker", postcode="9712 AB")
        HostFactory(school=department.school, name="Nabije Bakker", postcode="3511 AB")
        page = (
            login(coordinator)
            .get(reverse("placements:match", args=[plan.pk]), {"student": student.pk})
            .content.decode()
        )
        assert "Nabije Bakker" in page
        assert "ongeveer 7 km hemelsbreed" in page or "ongeveer 8 km hemelsbreed" in page
        assert "Verre Bakker" not in page
