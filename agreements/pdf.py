"""The agreement as HTML, rendered to PDF by the shared renderer (stagebeheer.pdf).

Fonts come from the system (DejaVu), never a CDN; the renderer fetches nothing
but the project's static files.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
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


def verify_url() -> str:
    return f"{settings.SITE_URL}{reverse('agreements:verify')}"


def agreement_html(agreement, signatures=None, seal_key=None) -> str:
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
                "verify_line": f"Echtheid controleren: {verify_url()} · code {agreement.verification_code}",
                "seal": seal_key,
                "verify_url": verify_url(),
            },
        )


def _css() -> str:
    path = finders.find("agreements/agreement-pdf.css")
    return Path(path).read_text(encoding="utf-8")


def render_pdf(agreement, signatures=None) -> bytes:
    """The agreement; with ``signatures`` the signed copy, sealed (agreements.seal)."""
    school = agreement.content.get("school") or {}
    meta = pdf.PdfMetadata(
        school=school.get("name", ""),
        version=agreement.version,
        kind=agreement.kind,
        reference=reference(agreement),
    )
    if not signatures:
        return pdf.render_pdf(agreement_html(agreement), meta)
    from agreements import seal

    # The school's BRIN is the first four characters of the department's BRIN + location.
    key = seal.seal_key_for(str(school.get("brin", ""))[:4])
    data = pdf.render_pdf(agreement_html(agreement, signatures, key), meta)
    return seal.seal_pdf(
        data,
        key,
        reason=f"{agreement.content.get('title', '')} {reference(agreement)}: door alle partijen ondertekend",
        location=str(school.get("city", "")),
    )
