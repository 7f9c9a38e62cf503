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
