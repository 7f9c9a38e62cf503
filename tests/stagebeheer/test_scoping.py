import pytest

from stagebeheer.models import Department

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_staff_see_only_their_departments(coordinator, department, other_department):
    assert list(Department.objects.visible_to(coordinator)) == [department]


def test_outsider_sees_none_of_ours(outsider, department, other_department):
    assert list(Department.objects.visible_to(outsider)) == [other_department]


def test_superuser_sees_every_department(department, other_department):
    from tests.factories.core import UserFactory

    admin = UserFactory(is_superuser=True)
    assert set(Department.objects.visible_to(admin)) == {department, other_department}


def test_anonymous_sees_nothing(department):
    from django.contrib.auth.models import AnonymousUser

    assert not Department.objects.visible_to(AnonymousUser()).exists()
