"""Agreement PDFs are archival (PDF/A-3b) and accessible (tagged, PDF/UA-1, Dutch) — issue 17, point 1."""

import io
import os
from pathlib import Path

import pikepdf
import pytest

from agreements.models import PdfStatus
from tests.agreements.conftest import read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_pdf")]

XMP = {
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "sb": "https://stagebeheer.invalid/ns/1.0/",
}


def _structure_types(pdf) -> list[str]:
    found = []

    def walk(node):
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(str(node.S))
            if "/K" in node:
                walk(node.K)
        elif isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)

    walk(pdf.Root.StructTreeRoot)
    return found


def _check_archival(data: bytes, agreement):
    pdf = pikepdf.open(io.BytesIO(data))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        assert xmp[f"{{{XMP['pdfaid']}}}part"] == "3"
        assert xmp[f"{{{XMP['pdfaid']}}}conformance"] == "B"
        assert xmp[f"{{{XMP['pdfuaid']}}}part"] == "1"
        assert (
            xmp[f"{{{XMP['dc']}}}title"]
            == f"{agreement.content['title']} — {agreement.content['student_name']}"
        )
        assert xmp[f"{{{XMP['sb']}}}school"] == agreement.content["school"]["name"]
        assert xmp[f"{{{XMP['sb']}}}version"] == str(agreement.version)
        assert xmp[f"{{{XMP['sb']}}}reference"] == f"VO-{agreement.placement_id}-{agreement.version}"
    # One rdf:RDF in the packet, as XMP requires.
    assert pdf.Root.Metadata.read_bytes().count(b"<rdf:RDF") == 1
    assert str(pdf.Root.Lang) == "nl"
    assert bool(pdf.Root.MarkInfo.Marked)
    assert "/OutputIntents" in pdf.Root
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.BaseFont
    return pdf


def test_the_agreement_pdf_is_pdf_a_with_xmp_metadata_tags_and_the_dutch_language(sent_agreement):
    agreement, _urls = sent_agreement
    assert agreement.pdf_status == PdfStatus.DONE
    pdf = _check_archival(read(agreement.pdf), agreement)
    tags = _structure_types(pdf)
    assert "/H1" in tags
    assert "/H2" in tags  # the parties and every article
    assert "/H3" in tags  # each signature block is labelled by its party


def test_the_signed_pdf_is_pdf_a_and_tags_its_signature_table_with_headers(signed_agreement):
    agreement = signed_agreement
    assert agreement.signed_pdf_status == PdfStatus.DONE
    data = read(agreement.signed_pdf)
    if os.environ.get("AGREEMENT_SHOTS"):  # for a look with pdftoppm
        Path(os.environ["AGREEMENT_SHOTS"], "vo-signed.pdf").write_bytes(data)
    pdf = _check_archival(data, agreement)
    tags = _structure_types(pdf)
    assert "/Table" in tags
    assert "/TH" in tags
    assert "/TD" in tags
