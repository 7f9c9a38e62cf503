import pytest
from django.core.management import call_command

from stagebeheer.demo import DEMO_PASSWORD
from stagebeheer.models import Department, Membership, User

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_the_demo_seed_runs_twice_without_duplicates(capsys):
    call_command("seed_demo")
    counts = (User.objects.count(), Department.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), Department.objects.count(), Membership.objects.count()) == counts
    output = capsys.readouterr().out
    assert DEMO_PASSWORD in output
    assert "coordinator@rijncollege.example" in output


def test_the_demo_has_a_user_for_every_role():
    call_command("seed_demo")
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {"coordinator", "supervisor", "leader", "mentor"}
    assert User.objects.filter(is_superuser=True).exists()
    user = User.objects.get(email="coordinator@rijncollege.example")
    assert user.check_password(DEMO_PASSWORD)


def test_the_demo_covers_every_kind_of_department():
    call_command("seed_demo")
    assert set(Department.objects.values_list("school_type", flat=True)) >= {
        "vmbo_bk",
        "pro",
        "mbo",
        "teacher_education",
    }


def test_it_refuses_to_seed_a_database_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    settings.DEMO_SEED_ALLOWED = False
    with pytest.raises(CommandError, match="refuses to run without DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_it_seeds_without_debug_when_told_explicitly(settings):
    settings.DEBUG = False
    settings.DEMO_SEED_ALLOWED = False
    call_command("seed_demo", "--allow-without-debug")
    assert User.objects.filter(email="coordinator@rijncollege.example").exists()
