"""History lines are stored untranslated and read in the reader's language (issue 10: 25)."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_noop

from agreements.models import Party
from placements import services
from stagebeheer.history import history_of, line, record
from tests.factories.visits import PlacementFactory

pytestmark = pytest.mark.django_db


def _in(language, entry):
    with translation.override(language):
        return entry.text


def test_a_line_written_in_english_reads_dutch_for_a_dutch_reader(department):
    placement = PlacementFactory(plan__department=department)
    with translation.override("en"):  # the writer works in English
        entry = record(placement, action="x", summary=line(gettext_noop("Stage gewijzigd")))
    entry.refresh_from_db()
    assert entry.message == "Stage gewijzigd"
    assert entry.summary == "Stage gewijzigd"  # the stored text is Dutch
    assert _in("nl", entry) == "Stage gewijzigd"
    assert _in("en", entry) == "Placement changed"


def test_labels_and_numbers_follow_the_reader(department):
    placement = PlacementFactory(plan__department=department)
    with translation.override("en"):
        signed = record(
            placement,
            action="x",
            summary=line(
                gettext_noop("Ondertekend door %(name)s (%(party)s)"), name="Henk", party=Party.HOST.label
            ),
        )
        corrected = record(
            placement,
            action="x",
            summary=line(
                gettext_noop("Urenregel van %(day)s gecorrigeerd van %(old)s naar %(new)s uur"),
                day="03-02-2027",
                old=Decimal("7.50"),
                new=Decimal("6.25"),
            ),
        )
    assert _in("nl", signed) == f"Ondertekend door Henk ({_label_in('nl')})"
    assert _in("en", signed).endswith(f"({_label_in('en')})")
    assert _label_in("nl") != _label_in("en")
    assert "7,50" in _in("nl", corrected)
    assert "6,25" in _in("nl", corrected)
    assert "7.50" in _in("en", corrected)


def _label_in(language):
    with translation.override(language):
        return str(Party.HOST.label)


def test_a_plain_text_and_an_old_line_read_as_stored(department):
    placement = PlacementFactory(plan__department=department)
    plain = record(placement, action="x", summary="Import: leerlingen.csv")
    assert _in("en", plain) == "Import: leerlingen.csv"


def test_a_translation_that_lost_its_placeholder_falls_back_to_the_dutch_text(department, monkeypatch):
    placement = PlacementFactory(plan__department=department)
    entry = record(placement, action="x", summary=line(gettext_noop("Duo gevormd met %(s)s"), s="Aya"))
    monkeypatch.setattr(translation, "gettext", lambda message: "Duo formed with %(other)s")
    assert entry.text == "Duo gevormd met Aya"


def test_the_placement_page_shows_an_english_colleagues_change_in_dutch(login, coordinator, department):
    placement = PlacementFactory(plan__department=department, state="active")
    with translation.override("en"):
        services.terminate(placement, on=placement.start_date, reason="Verhuisd", actor=coordinator)
    client = login(coordinator)
    page = client.get(f"/stages/{placement.pk}/").content.decode()
    assert "Stage beëindigd: Verhuisd" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"/stages/{placement.pk}/").content.decode()
    assert "Placement terminated: Verhuisd" in page
    assert next(h.message for h in history_of(placement)) == "Stage beëindigd: %(reason)s"
