from datetime import date, timedelta

import pytest
from django.utils import timezone

from placements import wish_rounds
from placements.models import HostStatus
from tests.factories.placements import HostFactory, PlacementPlanFactory, StudentFactory

DAY = [{"weekday": d, "start": "09:00", "end": "15:00", "break_minutes": 30} for d in range(5)]


@pytest.fixture
def plan(department):
    return PlacementPlanFactory(department=department, year_group=3, max_distance_km=15, default_schedule=DAY)


@pytest.fixture
def hosts(department):
    school = department.school
    return {
        "bakker": HostFactory(
            school=school, name="Bakker Utrecht", postcode="3511 AB", capacity=1, sector="Voeding"
        ),
        "garage": HostFactory(
            school=school, name="Garage Nieuwegein", postcode="3431 CD", capacity=2, sector="Techniek"
        ),
        "zorg": HostFactory(school=school, name="Zorg Houten", postcode="3992 GH", capacity=1, sector="Zorg"),
        "ver": HostFactory(
            school=school, name="Verre Winkel", postcode="9712 AB", capacity=3, sector="Retail"
        ),
        "slecht": HostFactory(
            school=school, name="Ongeschikt BV", postcode="3511 AB", capacity=5, status=HostStatus.UNSUITABLE
        ),
    }


@pytest.fixture
def students(department, mentor):
    born = date(2008, 1, 1)  # adults: the working-time rules do not refuse the plan's schedule
    return [
        StudentFactory(
            department=department, year_group=3, postcode="3992 GH", date_of_birth=born, mentor=mentor
        )
        for _ in range(4)
    ]


@pytest.fixture
def round_(plan, hosts, students, coordinator):
    today = timezone.localdate()
    return wish_rounds.open_round(
        plan,
        title="Wensronde voorjaar",
        start_date=today + timedelta(days=30),
        end_date=today + timedelta(days=44),
        closes_on=today + timedelta(days=10),
        actor=coordinator,
    )


def participant_of(round_, student):
    return round_.participants.get(student=student)
