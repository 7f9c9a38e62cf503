"""HTML → PDF with WeasyPrint, for every PDF the project makes.

The renderer fetches nothing it was not given: documents name their own
resources (style sheets, images) by a path under ``STATIC_ORIGIN``, and the URL
fetcher serves those from the project's static files. Every other URL — http,
https, ftp, ``file://``, ``data:`` — is refused, so a value that breaks out of
its place in the document (a hostile name in a CSS string) cannot make the
server request anything or read a local file.

PDFs are archival and accessible: PDF/A-3b with tags (PDF/UA-1 identification
in the XMP metadata), the language of the ``<html lang>`` attribute, and the
title, school and version in the XMP metadata.
"""

import logging
import mimetypes
from dataclasses import dataclass
from html import escape as xml_escape
from pathlib import Path

from django.contrib.staticfiles import finders

log = logging.getLogger(__name__)

# A host that cannot exist (RFC 6761 .invalid): a relative URL in a document
# resolves under it, and the fetcher answers it from the static files only.
STATIC_ORIGIN = "https://static.stagebeheer.invalid/"

PDF_VARIANT = "pdf/a-3b"


class RefusedURLError(ValueError):
    """The document asked for a URL that is not one of the project's static files."""


def _url_fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves the project's static files under STATIC_ORIGIN; refuses every other URL."""

        def __init__(self):
            super().__init__(allowed_protocols=("https",))
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            path = url[len(STATIC_ORIGIN) :] if url.startswith(STATIC_ORIGIN) else None
            found = None
            if path and "?" not in path and "#" not in path and "\\" not in path:
                # The finders refuse paths that climb out of the static folders ("../").
                try:
                    found = finders.find(path)
                except Exception:  # SuspiciousFileOperation and friends: refused like any other
                    found = None
            if not found:
                self.refused.append(url)
                log.warning("PDF renderer refused to fetch %r", url[:200])
                raise RefusedURLError(f"refused: {url[:200]}")
            data = Path(found).read_bytes()
            kind = mimetypes.guess_type(found)[0] or "application/octet-stream"
            return URLFetcherResponse(url, data, {"Content-Type": kind})

    return StaticOnlyFetcher


def url_fetcher():
    """A fresh fetcher; ``.refused`` lists the URLs it turned down."""
    return _url_fetcher_class()()


@dataclass(frozen=True)
class PdfMetadata:
    """What the XMP metadata says besides the title (taken from <title>)."""

    school: str = ""
    version: int | None = None
    kind: str = ""
    reference: str = ""


def _xmp(meta: PdfMetadata) -> bytes:
    # PDF/UA-1 identification and the project's own properties, next to WeasyPrint's PDF/A part.
    fields = "".join(
        f"<sb:{name}>{xml_escape(str(value))}</sb:{name}>"
        for name, value in (
            ("school", meta.school),
            ("version", meta.version),
            ("kind", meta.kind),
            ("reference", meta.reference),
        )
        if value not in ("", None)
    )
    return (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        "<pdfuaid:part>1</pdfuaid:part></rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:sb="https://stagebeheer.invalid/ns/1.0/">'
        f"{fields}</rdf:Description>"
        "</rdf:RDF>"
    ).encode()


def render_pdf(html: str, metadata: PdfMetadata | None = None, *, fetcher=None) -> bytes:
    """Render ``html`` to an archival, tagged PDF, fetching only the project's static files."""
    from weasyprint import HTML

    fetcher = fetcher or url_fetcher()
    document = HTML(string=html, base_url=STATIC_ORIGIN, url_fetcher=fetcher).render()
    document.metadata.xmp_metadata.append(_xmp(metadata or PdfMetadata()))
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)


# Characters that stand for themselves inside a double-quoted CSS string.
_CSS_PLAIN = set(" .,-_·:/()'+&@!?%*=~|[]{};$")


def css_string(value) -> str:
    """``value`` as the inside of a double-quoted CSS string, whatever it holds.

    Letters and digits (also accented ones) and harmless punctuation stay; every
    other character — quotes, backslashes, every line break CSS knows (\\n, \\r,
    \\f), control characters, ``<`` of a closing ``</style>`` — becomes a CSS hex
    escape of six digits, which needs no terminating space and cannot end the
    string (CSS Syntax Level 3, 4.3.7).
    """
    out = []
    for char in str(value):
        if char.isalnum() or char in _CSS_PLAIN:
            out.append(char)
        elif char == "\x00":
            out.append("\\00fffd")  # CSS turns NUL into U+FFFD anyway; say so explicitly
        else:
            out.append(f"\\{ord(char):06x}")
    return "".join(out)
