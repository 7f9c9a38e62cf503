import pytest
from django.utils import timezone

from placements.services import set_host_status
from stagebeheer.history import history_of
from tests.factories.placements import HostFactory

pytestmark = pytest.mark.django_db


def test_a_host_status_change_is_stored_with_reason_date_and_history(coordinator, department):
    host = HostFactory(school=department.school)
    assert set_host_status(host, "unsuitable", reason="Onveilige werkplaats", actor=coordinator)
    host.refresh_from_db()
    assert (host.status, host.status_reason, host.status_changed_on) == (
        "unsuitable",
        "Onveilige werkplaats",
        timezone.localdate(),
    )
    assert history_of(host).get().actor == coordinator


def test_setting_the_same_status_again_changes_nothing():
    host = HostFactory(status="on_watch")
    assert not set_host_status(host, "on_watch", reason="nog steeds")
    assert not history_of(host).exists()
