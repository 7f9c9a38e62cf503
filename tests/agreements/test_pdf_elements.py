"""Every required element of each kind is in the PDF with the placement's values."""

import os
from pathlib import Path

import pytest

from agreements import services
from agreements.elements import KIND_ELEMENTS, OPTIONAL
from agreements.models import PdfStatus
from tests.agreements.conftest import pdf_text, read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_pdf")]


def _flat(value: str) -> str:
    return " ".join(value.split())


@pytest.mark.parametrize("kind", ["vo", "lwt", "mbo", "ho"])
def test_the_pdf_holds_every_required_element_with_the_placements_values(
    kind, make_placement, coordinator, commit
):
    placement = make_placement(kind)
    with commit():
        agreement = services.generate(placement, actor=coordinator)
    agreement.refresh_from_db()

    assert agreement.problems == []
    assert agreement.pdf_status == PdfStatus.DONE
    data = read(agreement.pdf)
    assert services.sha256_of(data) == agreement.pdf_sha256
    if os.environ.get("AGREEMENT_SHOTS"):
        Path(os.environ["AGREEMENT_SHOTS"], f"{kind}.pdf").write_bytes(data)
    text = pdf_text(data)
    printed = {a["key"]: a for a in agreement.content["articles"]}
    for key in KIND_ELEMENTS[kind]:
        if key in OPTIONAL and key not in printed:
            continue
        article = printed[key]
        # Party headings are set in capitals by the style sheet.
        assert _flat(article["heading"]).lower() in text.lower(), key
        for line in article["value"].splitlines():
            assert _flat(line) in text, (key, line)
    # The values themselves, not just what the snapshot says.
    assert placement.student.full_name in text
    assert placement.host.name in text
    assert "01-02-2027" in text
    assert "12-02-2027" in text
    assert placement.activities in text
    if kind in ("vo", "lwt"):
        assert "Inspectie van het Onderwijs" in text
    assert "Pagina 1 van" in text


def test_the_lwt_agreement_names_the_sbb_recognition_and_the_replacement_rule(make_placement, commit):
    placement = make_placement("lwt", allowance_per_month=150)
    with commit():
        agreement = services.generate(placement)
    agreement.refresh_from_db()
    text = pdf_text(read(agreement.pdf))
    assert "SBB-nummer 100234567" in text
    assert "Stagevergoeding: € 150,00 per maand." in text
    assert "vervangende leerwerkplaats" in text
    assert "uur in totaal" in text


def test_the_mbo_agreement_names_the_qualification_and_the_hours_spread(make_placement, commit):
    placement = make_placement("mbo")
    with commit():
        agreement = services.generate(placement)
    agreement.refresh_from_db()
    text = pdf_text(read(agreement.pdf))
    assert "Kerntaak B1-K1 Biedt zorg en ondersteuning" in text
    assert "Leerjaar 2: 450 uur" in text
    assert "Praktijkovereenkomst" in text


def test_the_vo_agreement_states_hours_goal_plan_and_the_right_to_turn_to_the_inspectorate(
    make_placement, commit
):
    """Art. 2.36 UB WVO 2020 (issue 10, point 16): each element with the placement's values."""
    placement = make_placement("vo", planned_hours=60)
    plan = placement.plan
    placement.student.learning_goals = "Leren klanten te woord te staan."
    placement.student.save()
    with commit():
        agreement = services.generate(placement)
    agreement.refresh_from_db()
    text = pdf_text(read(agreement.pdf))

    assert "60 uur in totaal" in text
    assert plan.goal in text
    assert "Eigen leerdoelen: Leren klanten te woord te staan." in text
    assert f"{plan.title}, schooljaar {plan.school_year}, van {plan.department.name}" in text
    assert "Het stageplan beschrijft: doel" in text
    assert "het recht zich te wenden tot de Inspectie van het Onderwijs" in text
    assert "088 669 60 60" in text


def test_a_plan_without_a_goal_is_named_as_missing(make_placement):
    from agreements.elements import resolve

    placement = make_placement("vo")
    placement.plan.goal = ""
    placement.plan.save()
    _, _, problems = resolve(placement, "vo")
    assert "doel: het doel van de stage ontbreekt in het stageplan" in problems


def test_carried_over_hours_never_exceed_the_total_of_a_replacement(make_placement, commit):
    """The demo's lwt replacement said '816 uur in totaal (waarvan 840 overgenomen uur)'."""
    earlier = make_placement("lwt", planned_hours=1000)
    replacement = make_placement(
        "lwt", student=earlier.student, replaces=earlier, planned_hours=816, carried_over_hours=840
    )
    with commit():
        agreement = services.generate(replacement)
    agreement.refresh_from_db()
    text = pdf_text(read(agreement.pdf))

    assert "waarvan" not in text
    assert (
        "976 uur in totaal: 816 uur op deze stageplaats en 160 uur die al zijn gemaakt bij de vorige stageplaats."
        in text
    )
    assert "worden er hier 816 ingehaald; de school plant de overige 24 uur nog in." in text


def test_carried_over_hours_within_the_placement_are_made_up_here(make_placement):
    from agreements.elements import resolve

    earlier = make_placement("lwt", planned_hours=700)
    replacement = make_placement(
        "lwt", student=earlier.student, replaces=earlier, planned_hours=500, carried_over_hours=300
    )
    _, filled, _ = resolve(replacement, "lwt")
    value = {e.key: v for e, v in filled}["hours"]
    assert value.startswith("900 uur in totaal: 500 uur op deze stageplaats en 400 uur")
    assert "De 300 uur die bij de vorige stageplaats niet zijn gemaakt, worden hier ingehaald." in value
