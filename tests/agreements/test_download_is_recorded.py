"""Downloading an agreement leaves a record of who did (issue 14: reading is recorded)."""

import pytest

from agreements import services
from audit.models import ReadEvent, ReadKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(placement, coordinator, commit):
    with commit():
        return services.generate(placement, actor=coordinator)


def test_the_pdf_download_names_the_reader(login, leader, agreement):
    assert login(leader).get(f"/agreements/{agreement.pk}/pdf/").status_code == 200
    [read] = ReadEvent.objects.all()
    assert (read.user, read.kind, read.object_id) == (leader, ReadKind.AGREEMENT_PDF, agreement.pk)
    assert read.department_id == agreement.placement.plan.department_id


def test_a_refused_download_is_not_recorded_as_a_read(login, outsider, agreement):
    assert login(outsider).get(f"/agreements/{agreement.pk}/pdf/").status_code == 404
    assert not ReadEvent.objects.exists()
