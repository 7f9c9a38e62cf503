from datetime import date

import factory
from factory.django import DjangoModelFactory

from placements.models import (
    Guardian,
    Host,
    Placement,
    PlacementPlan,
    PlacementWorkplaceSupervisor,
    PlanKind,
    Student,
    WorkplaceSupervisor,
)
from placements.services import planned_hours
from tests.factories.core import DepartmentFactory, SchoolFactory

WORKWEEK = [{"weekday": d, "start": "09:00", "end": "15:30", "break_minutes": 30} for d in range(5)]


class PlacementPlanFactory(DjangoModelFactory):
    class Meta:
        model = PlacementPlan

    department = factory.SubFactory(DepartmentFactory)
    school_year = "2026-2027"
    kind = PlanKind.VMBO_ORIENTATION
    title = factory.Sequence(lambda n: f"Blokstage leerjaar 3 ({n})")
    goal = "Leerlingen maken kennis met een beroep in de praktijk."
    content = "Meewerken op de werkvloer en opdrachten uit het stageboek."
    scope = "Twee weken van vijf dagen."
    structure = "Oriëntatie in leerjaar 3, verdieping in leerjaar 4."
    organisation = "De stagecoördinator plaatst, de mentor begeleidt."
    guidance_split = "De praktijkbegeleider begeleidt dagelijks; de stagebegeleider bezoekt en beoordeelt."
    host_assessment_role = "De praktijkbegeleider vult het beoordelingsformulier in."
    insurance_arrangement = "De school heeft een collectieve ongevallen- en aansprakelijkheidsverzekering."
    insurance_premium_payer = "De school"


class StudentFactory(DjangoModelFactory):
    class Meta:
        model = Student

    department = factory.SubFactory(DepartmentFactory)
    number = factory.Sequence(lambda n: f"{100000 + n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    date_of_birth = date(2011, 3, 14)
    year_group = 3
    class_name = "3B"
    email = factory.Sequence(lambda n: f"leerling{n}@leerling.example")


class GuardianFactory(DjangoModelFactory):
    class Meta:
        model = Guardian

    student = factory.SubFactory(StudentFactory)
    name = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"ouder{n}@thuis.example")


class HostFactory(DjangoModelFactory):
    class Meta:
        model = Host

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Bakkerij De Korenschoof {n}")
    address = "Dorpsstraat 1"
    postcode = "3511AA"
    city = "Utrecht"
    sector = "Voeding"
    capacity = 2


class WorkplaceSupervisorFactory(DjangoModelFactory):
    class Meta:
        model = WorkplaceSupervisor

    host = factory.SubFactory(HostFactory)
    name = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"praktijk{n}@bedrijf.example")


class PlacementFactory(DjangoModelFactory):
    class Meta:
        model = Placement
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlacementPlanFactory)
    student = factory.SubFactory(StudentFactory, department=factory.SelfAttribute("..plan.department"))
    host = factory.SubFactory(HostFactory, school=factory.SelfAttribute("..plan.department.school"))
    start_date = date(2027, 2, 1)
    end_date = date(2027, 2, 12)
    schedule = WORKWEEK
    planned_hours = factory.LazyAttribute(lambda o: planned_hours(o.schedule, o.start_date, o.end_date))
    activities = "Brood bakken, de winkel inrichten en klanten helpen."

    @factory.post_generation
    def workplace_supervisor(obj, create, extracted, **kwargs):
        """Every placement gets a primary workplace supervisor unless told False."""
        if not create or extracted is False:
            return
        supervisor = extracted or WorkplaceSupervisorFactory(host=obj.host)
        PlacementWorkplaceSupervisor.objects.create(
            placement=obj, workplace_supervisor=supervisor, is_primary=True
        )
