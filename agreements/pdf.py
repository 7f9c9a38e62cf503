"""HTML → PDF with WeasyPrint. Fonts come from the system (DejaVu), never a CDN."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation


def agreement_html(agreement, signatures=None) -> str:
    with translation.override("nl"):
        return render_to_string(
            "agreements/pdf/agreement.html",
            {
                "agreement": agreement,
                "content": agreement.content,
                "signatures": signatures,
                "css": _css(),
                "footer_ref": f"{agreement.content.get('title', '')} · {agreement.content.get('student_name', '')} · "
                f"versie {agreement.version} · kenmerk {agreement.kind.upper()}-{agreement.placement_id}-{agreement.version}",
            },
        )


def _css() -> str:
    path = finders.find("agreements/agreement-pdf.css")
    return Path(path).read_text(encoding="utf-8")


def render_pdf(agreement, signatures=None) -> bytes:
    from weasyprint import HTML

    html = agreement_html(agreement, signatures)
    # base_url without network: nothing in the template points outside this document.
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
