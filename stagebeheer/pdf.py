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
from pathlib import Path
from xml.etree import ElementTree  # nosec B405: only parses XML WeasyPrint itself built

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


_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_NS = {
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "sb": "https://stagebeheer.invalid/ns/1.0/",
}
for _prefix, _uri in _NS.items():
    ElementTree.register_namespace(_prefix, _uri)


def _with_our_xmp(generate, meta: PdfMetadata):
    """WeasyPrint's RDF with the PDF/UA-1 identification and our properties added.

    XMP allows one rdf:RDF in the packet, so the descriptions go into WeasyPrint's own
    rather than into a second one (``xmp_metadata`` would add a second)."""

    def generate_rdf_metadata(variant, version, conformance):
        # WeasyPrint built this XML itself from escaped values; nothing untrusted is parsed.
        rdf = ElementTree.fromstring(generate(variant, version, conformance))  # noqa: S314  # nosec B314
        ua = ElementTree.SubElement(rdf, f"{{{_RDF}}}Description", {f"{{{_RDF}}}about": ""})
        ElementTree.SubElement(ua, f"{{{_NS['pdfuaid']}}}part").text = "1"
        ours = ElementTree.SubElement(rdf, f"{{{_RDF}}}Description", {f"{{{_RDF}}}about": ""})
        for name, value in (
            ("school", meta.school),
            ("version", meta.version),
            ("kind", meta.kind),
            ("reference", meta.reference),
        ):
            if value not in ("", None):
                ElementTree.SubElement(ours, f"{{{_NS['sb']}}}{name}").text = str(value)
        return ElementTree.tostring(rdf)

    return generate_rdf_metadata


_CONTROL = {c: " " for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0x7F: " "}


def xml_safe(text):
    return text.translate(_CONTROL) if text else text


def render_pdf(html: str, metadata: PdfMetadata | None = None, *, fetcher=None) -> bytes:
    """Render ``html`` to an archival, tagged PDF, fetching only the project's static files."""
    from weasyprint import HTML

    fetcher = fetcher or url_fetcher()
    document = HTML(string=html, base_url=STATIC_ORIGIN, url_fetcher=fetcher).render()
    meta = metadata or PdfMetadata()
    # XML 1.0 allows no control characters, and WeasyPrint copies the <title>
    # (a student's name) into the XMP as is: a form feed would break the packet.
    document.metadata.title = xml_safe(document.metadata.title)
    meta = PdfMetadata(**{k: xml_safe(v) if isinstance(v, str) else v for k, v in meta.__dict__.items()})
    document.metadata.generate_rdf_metadata = _with_our_xmp(document.metadata.generate_rdf_metadata, meta)
    if meta.school and not document.metadata.authors:
        document.metadata.authors = [meta.school]
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
