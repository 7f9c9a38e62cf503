import factory
from factory.django import DjangoModelFactory

from stagebeheer.models import Department, Membership, School, SchoolType, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@school.example")
    full_name = factory.Faker("name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class SchoolFactory(DjangoModelFactory):
    class Meta:
        model = School
        django_get_or_create = ("brin",)

    name = factory.Sequence(lambda n: f"Scholengemeenschap {n}")
    brin = factory.Sequence(lambda n: f"{n % 100:02d}{chr(65 + (n // 100) % 26)}{chr(65 + n % 26)}")
    city = "Utrecht"


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Afdeling {n}")
    location_number = factory.Sequence(lambda n: f"{n % 100:02d}")
    school_type = SchoolType.VMBO_BK
    city = "Utrecht"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory)
    role = "coordinator"
