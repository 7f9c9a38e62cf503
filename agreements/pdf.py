"""The agreement as HTML, rendered to PDF by the shared renderer (stagebeheer.pdf).

Fonts come from the system (DejaVu), never a CDN; the renderer fetches nothing
but the project's static files.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from stagebeheer import pdf


def reference(agreement) -> str:
    """The kenmerk printed on every page: kind, placement and version."""
    return f"{agreement.kind.upper()}-{agreement.placement_id}-{agreement.version}"


def _one_line(value) -> str:
    # A page footer is one line: any line break or control character in a name becomes a space.
    return " ".join(str(value or "").split())


def footer_ref(agreement) -> str:
    content = agreement.content
    return (
        f"{_one_line(content.get('title'))} · {_one_line(content.get('student_name'))} · "
        f"versie {agreement.version} · kenmerk {reference(agreement)}"
    )


def agreement_html(agreement, signatures=None) -> str:
    content = agreement.content
    with translation.override("nl"):
        return render_to_string(
            "agreements/pdf/agreement.html",
            {
                "agreement": agreement,
                "content": content,
                "signatures": signatures,
                "css": _css(),
                "footer_ref": footer_ref(agreement),
                "reference": reference(agreement),
            },
        )


def _css() -> str:
    path = finders.find("agreements/agreement-pdf.css")
    return Path(path).read_text(encoding="utf-8")


def render_pdf(agreement, signatures=None) -> bytes:
    school = (agreement.content.get("school") or {}).get("name", "")
    meta = pdf.PdfMetadata(
        school=school, version=agreement.version, kind=agreement.kind, reference=reference(agreement)
    )
    return pdf.render_pdf(agreement_html(agreement, signatures), meta)
