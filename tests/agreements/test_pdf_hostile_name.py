"""A student's name cannot make the PDF renderer fetch anything (issue 9, point 5).

The name goes into the CSS string of the page footer. A carriage return used to
end that string, and what followed became CSS of the attacker's choosing: a
``url(...)`` to any http address or local file. The test serves a real local
HTTP server and counts what reaches it.
"""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from agreements import services
from agreements.models import PdfStatus
from tests.agreements.conftest import pdf_text, read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_pdf")]


@pytest.fixture
def listener():
    """A local HTTP server that records every path asked of it."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


@pytest.fixture
def refused(monkeypatch):
    """Every URL the renderer's fetcher turned down, across renders."""
    from stagebeheer import pdf

    seen = []
    real = pdf.url_fetcher

    def spying():
        fetcher = real()
        seen.append(fetcher)
        return fetcher

    monkeypatch.setattr(pdf, "url_fetcher", spying)
    return lambda: [url for fetcher in seen for url in fetcher.refused]


def _hostile(line_break: str, target: str) -> str:
    # Ends the footer's CSS string and both blocks, then asks for a background from the target.
    return f'Sanne{line_break};}}}} html {{ background: url({target}) }} x {{ y: "'


@pytest.mark.parametrize("line_break", ["\r", "\n", "\f", "\r\n"])
@pytest.mark.parametrize("target", ["http", "file"])
def test_a_line_break_in_a_first_name_does_not_make_the_renderer_fetch_a_url(
    line_break, target, make_placement, coordinator, commit, listener, refused
):
    base, hits = listener
    placement = make_placement("vo")
    student = placement.student
    student.first_name = _hostile(line_break, f"{base}/leak" if target == "http" else "file:///etc/passwd")
    assert len(student.first_name) <= 100
    student.save()

    with commit():
        agreement = services.generate(placement, actor=coordinator)
    agreement.refresh_from_db()

    assert agreement.pdf_status == PdfStatus.DONE
    assert read(agreement.pdf).startswith(b"%PDF")
    assert hits == []
    # The escaped name stays text in the footer: the renderer was not even asked for the URL.
    assert refused() == []


def test_the_hostile_name_is_printed_in_the_footer_as_text(make_placement, coordinator, commit, refused):
    placement = make_placement("vo")
    student = placement.student
    student.first_name = 'Sanne";}} html { background: url(file:///etc/passwd) } x { y: "'
    student.save()

    with commit():
        agreement = services.generate(placement, actor=coordinator)
    agreement.refresh_from_db()

    text = pdf_text(read(agreement.pdf))
    # The footer reads the name as it was typed; pypdf may drop the space after the closing quote.
    assert f"· {student.first_name}" in text
    last = " ".join(p for p in (student.last_name_prefix, student.last_name) if p)
    assert f"{last} · versie 1 · kenmerk VO-{placement.pk}-1" in text
    assert refused() == []
