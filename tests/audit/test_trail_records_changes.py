"""Every change to a tracked record lands in the trail with who, when and old → new."""

from datetime import timedelta

import pytest

from audit.context import acting
from audit.history import events_of, lines_for, sentence
from audit.models.events import TRACKED
from placements.models import Placement, Student

pytestmark = pytest.mark.django_db

PLACEMENT = TRACKED["placements.placement"]
STUDENT = TRACKED["placements.student"]


def labels(entry, pk):
    return [e.pgh_label for e in events_of(entry, pk)]


def test_creating_changing_and_deleting_a_placement_are_recorded(placement):
    placement.end_date += timedelta(days=14)
    placement.save()
    pk = placement.pk
    placement.delete()
    assert labels(PLACEMENT, pk) == ["insert", "update", "delete"]


def test_a_change_names_the_field_with_its_old_and_new_value(placement, coordinator):
    old_end = placement.end_date
    new_end = old_end + timedelta(days=14)
    with acting(user=coordinator.pk):
        placement.end_date = new_end
        placement.save()
    [line, _created] = lines_for(PLACEMENT, events_of(PLACEMENT, placement.pk))
    assert [(c.label, c.old, c.new) for c in line.changes] == [
        ("einddatum", old_end.strftime("%d-%m-%Y"), new_end.strftime("%d-%m-%Y"))
    ]
    assert sentence(line) == [
        f"Carla Coördinator wijzigde einddatum van {old_end:%d-%m-%Y} in {new_end:%d-%m-%Y}"
    ]


def test_a_bulk_update_is_recorded_for_every_row(plan, placement):
    from tests.factories.placements import PlacementFactory

    second = PlacementFactory(plan=plan)
    Placement.objects.filter(pk__in=[placement.pk, second.pk]).update(notes="bulk")
    for pk in (placement.pk, second.pk):
        [line, _created] = lines_for(PLACEMENT, events_of(PLACEMENT, pk))
        assert [(c.label, c.new) for c in line.changes] == [("notities", "bulk")]
        assert line.who == "systeem"


def test_support_needs_are_recorded_as_changed_without_their_content(student):
    Student.objects.filter(pk=student.pk).update(support_needs="Zeer gevoelige tekst")
    events = list(events_of(STUDENT, student.pk))
    assert [e.pgh_label for e in events] == ["insert", "support_needs.changed"]
    assert not hasattr(events[-1], "support_needs")
    [line, _] = lines_for(STUDENT, events)
    assert sentence(line) == ["systeem wijzigde ondersteuningsbehoefte (inhoud niet vastgelegd)"]
    assert all("gevoelig" not in str(vars(e)) for e in events)


def test_a_change_while_serving_a_request_is_attributed_to_the_signed_in_user(rf, coordinator, placement):
    from django.http import HttpResponse

    from audit.middleware import AuditContextMiddleware

    def view(request):
        Placement.objects.filter(pk=placement.pk).update(notes="via de pagina")
        return HttpResponse()

    request = rf.post("/stages/1/wijzigen/")
    request.user = coordinator
    AuditContextMiddleware(view)(request)
    event = events_of(PLACEMENT, placement.pk).last()
    assert event.pgh_context == {"user": coordinator.pk, "url": "/stages/1/wijzigen/"}


def test_a_change_through_an_emailed_link_names_the_link_holder(placement):
    from stagebeheer.links import link_opened
    from stagebeheer.models import AccessLink

    link = AccessLink(
        pk=7, purpose="hours", recipient_name="Piet Praktijk", recipient_email="piet@example.org"
    )
    with acting(user=None, url="/l/x/"):
        link_opened.send(sender=AccessLink, link=link)
        Placement.objects.filter(pk=placement.pk).update(notes="door de praktijkbegeleider")
    [line, _] = lines_for(PLACEMENT, events_of(PLACEMENT, placement.pk))
    assert line.who == "via link: hours: Piet Praktijk <piet@example.org>"


def test_every_tracked_table_has_its_insert_update_and_delete_triggers():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal")
        installed = cursor.fetchall()
    for entry in TRACKED.values():
        names = {name for table, name in installed if table == entry.model._meta.db_table}
        for operation in ("insert_insert", "update_update", "delete_delete"):
            assert any(operation in name for name in names), (entry.key, operation)


def test_a_cooperation_agreement_change_is_recorded(department, host):
    from agreements.models import CooperationAgreement

    cooperation = CooperationAgreement.objects.create(
        kind="standing_host", host=host, partner_name=host.name, valid_from="2026-08-01"
    )
    CooperationAgreement.objects.filter(pk=cooperation.pk).update(valid_until="2027-07-31")
    assert labels(TRACKED["agreements.cooperationagreement"], cooperation.pk) == ["insert", "update"]
