from datetime import date

import pytest

from tests.factories.core import UserFactory
from tests.factories.placements import HostFactory, PlacementFactory, PlacementPlanFactory, StudentFactory


@pytest.fixture
def plan(department):
    return PlacementPlanFactory(department=department)


@pytest.fixture
def host(department):
    return HostFactory(school=department.school)


@pytest.fixture
def student(department, mentor):
    return StudentFactory(
        department=department, date_of_birth=date(2009, 3, 1), mentor=mentor, support_needs="Dyslexie."
    )


@pytest.fixture
def placement(plan, student, host, supervisor):
    return PlacementFactory(plan=plan, student=student, host=host, school_supervisor=supervisor)


@pytest.fixture
def foreign_placement(other_department):
    plan = PlacementPlanFactory(department=other_department)
    return PlacementFactory(
        plan=plan,
        student=StudentFactory(department=other_department),
        host=HostFactory(school=other_department.school),
    )


@pytest.fixture
def admin_user(db):
    return UserFactory(full_name="Ada Beheerder", is_superuser=True, is_staff=True)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    def _commit():
        return django_capture_on_commit_callbacks(execute=True)

    return _commit


@pytest.fixture
def make_case(monkeypatch, commit, coordinator, supervisor):
    """A student with everything: guardian, goal, placement, agreement PDF, hours, visit, concern, mail."""
    import datetime as dt

    from agreements import services
    from placements.models import HoursEntry, LearningGoal
    from stagebeheer.models import OutgoingMessage
    from tests.agreements.conftest import complete_plan
    from tests.factories.placements import GuardianFactory
    from tests.factories.visits import ConcernFactory, VisitFactory

    monkeypatch.setattr(
        "agreements.pdf.render_pdf",
        lambda agreement, signatures=None: b"%PDF-1.4\n% " + str(agreement.pk).encode(),
    )

    def _make(department, first_name, email):
        school = department.school
        if not school.address:
            school.address, school.postcode, school.board_name = "Schoolstraat 1", "3511AB", "Stichting Baken"
            school.save()
        placement = PlacementFactory(
            plan=complete_plan(department),
            student=StudentFactory(
                department=department,
                first_name=first_name,
                email=email,
                date_of_birth=date(2010, 5, 5),
                support_needs=f"steun voor {first_name}",
            ),
            host=HostFactory(school=school),
            school_supervisor=supervisor,
        )
        student = placement.student
        GuardianFactory(student=student, name=f"Ouder van {first_name}", email=f"ouder.{email}")
        LearningGoal.objects.create(student=student, period="P1", goal=f"doel van {first_name}")
        HoursEntry.objects.create(
            placement=placement,
            date=dt.date(2027, 1, 5),
            hours=6,
            source="student",
            description=f"uren van {first_name}",
        )
        VisitFactory(placement=placement, notes=f"bezoek bij {first_name}")
        ConcernFactory(
            placement=placement, description=f"zorg over {first_name}", reporter_name="Geheime Melder"
        )
        with commit():
            services.generate(placement, actor=coordinator)
        OutgoingMessage.objects.create(
            to_email=email, subject=f"Bericht voor {first_name}", body_text="Hallo"
        )
        return student

    return _make
