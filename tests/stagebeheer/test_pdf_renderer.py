"""The shared renderer fetches only the project's static files and escapes CSS strings."""

import pytest

from stagebeheer import pdf
from stagebeheer.templatetags.pdf_tags import css_string


def _html(body: str) -> str:
    return f'<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body>{body}</body></html>'


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.png",
        "ftp://example.org/x.png",
        "data:image/png;base64,iVBORw0KGgo=",
        f"{pdf.STATIC_ORIGIN}../../../../etc/passwd",
        f"{pdf.STATIC_ORIGIN}%2e%2e/%2e%2e/etc/passwd",
        f"{pdf.STATIC_ORIGIN}img/does-not-exist.png",
    ],
)
def test_the_fetcher_refuses_every_url_that_is_not_a_static_file(url):
    fetcher = pdf.url_fetcher()
    with pytest.raises(pdf.RefusedURLError):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_a_document_that_names_outside_urls_renders_without_fetching_them():
    fetcher = pdf.url_fetcher()
    html = _html(
        '<img src="file:///etc/hostname" alt=""><img src="http://127.0.0.1:9/a.png" alt="">'
        '<link rel="stylesheet" href="https://example.org/x.css"><p>tekst</p>'
    )
    data = pdf.render_pdf(html, fetcher=fetcher)
    assert data.startswith(b"%PDF")
    assert sorted(fetcher.refused) == sorted(
        ["file:///etc/hostname", "http://127.0.0.1:9/a.png", "https://example.org/x.css"]
    )


def test_the_fetcher_serves_the_projects_own_static_files():
    fetcher = pdf.url_fetcher()
    response = fetcher.fetch(f"{pdf.STATIC_ORIGIN}agreements/agreement-pdf.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"
    assert fetcher.refused == []


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("Sanne de Vries", "Sanne de Vries"),
        ("Özkan · versie 2", "Özkan · versie 2"),
        ('a"b', "a\\000022b"),
        ("a\\b", "a\\00005cb"),
        ("a\rb", "a\\00000db"),
        ("a\nb", "a\\00000ab"),
        ("a\fb", "a\\00000cb"),
        ("</style><script>", "\\00003c/style\\00003e\\00003cscript\\00003e"),
        ("a\x00b", "a\\00fffdb"),
    ],
)
def test_css_string_escapes_everything_that_could_end_the_string(raw, escaped):
    assert css_string(raw) == escaped


def test_an_escaped_value_reads_back_as_itself_in_the_pdf():
    from io import BytesIO

    from pypdf import PdfReader

    name = 'Ann\r"} @import url(http://127.0.0.1:9/x); a { b: "'
    html = _html("<p>x</p>").replace(
        "</head>", f'<style>@page {{ @bottom-left {{ content: "{css_string(name)}"; }} }}</style></head>'
    )
    fetcher = pdf.url_fetcher()
    text = PdfReader(BytesIO(pdf.render_pdf(html, fetcher=fetcher))).pages[0].extract_text()
    assert '"} @import url(http://127.0.0.1:9/x); a { b: "' in text
    assert fetcher.refused == []
