"""Placements of every kind with all the data an agreement needs."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from placements.models import PlanKind
from tests.factories.placements import GuardianFactory, PlacementFactory, PlacementPlanFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def real_pdf():
    """Request this fixture to render with WeasyPrint instead of the quick stand-in."""


@pytest.fixture(autouse=True)
def _quick_pdf(request, monkeypatch):
    """WeasyPrint takes a second a document; tests that do not read the PDF's text
    get a tiny stand-in that is still unique per agreement version."""
    if "real_pdf" in request.fixturenames or "celery_worker_on_redis" in request.fixturenames:
        return
    import json

    def fake(agreement, signatures=None):
        body = json.dumps([agreement.pk, agreement.content, [s.signer_name for s in signatures or []]])
        return b"%PDF-1.4\n% " + body.encode() + b"\n%%EOF\n"

    monkeypatch.setattr("agreements.pdf.render_pdf", fake)


def complete_plan(department, kind=PlanKind.VMBO_ORIENTATION, **extra):
    values = dict(
        department=department,
        kind=kind,
        termination_clause="Bij ernstig verzuim of een onveilige situatie kan elke partij de stage beëindigen.",
        assessment_criteria="Werkhouding, samenwerken en vakvaardigheden volgens het beoordelingsformulier.",
        qualification_part="Kerntaak B1-K1 Biedt zorg en ondersteuning; keuzedeel Dementie.",
        scope="Leerjaar 2: 450 uur, leerjaar 3: 450 uur.",
    )
    values.update(extra)
    return PlacementPlanFactory(**values)


@pytest.fixture
def make_placement(department, supervisor):
    """A complete placement of the given agreement kind in our department."""

    def _make(kind="vo", minor=True, **extra):
        plan_kind = {
            "vo": PlanKind.VMBO_ORIENTATION,
            "lwt": PlanKind.LWT,
            "mbo": PlanKind.MBO_BPV,
            "ho": PlanKind.TEACHER_EDUCATION,
        }[kind]
        plan = complete_plan(department, plan_kind)
        values = dict(plan=plan, school_supervisor=supervisor)
        values.update(extra)
        placement = PlacementFactory(**values)
        school = department.school
        if not school.address:
            school.address, school.postcode, school.board_name = "Schoolstraat 1", "3511AB", "Stichting Baken"
            school.save()
        if kind in ("lwt", "mbo"):
            host = placement.host
            host.sbb_number, host.sbb_valid_until = "100234567", date(2030, 1, 1)
            host.save()
        student = placement.student
        if minor:
            GuardianFactory(student=student, name="Marieke Verhoeven", email="ouder@thuis.example")
        else:
            student.date_of_birth = date(2000, 5, 5)
            student.save()
        return placement

    return _make


@pytest.fixture
def placement(make_placement):
    return make_placement("vo")


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Lines break where the page does; compare on single spaces.
    return " ".join(text.split())


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what would happen after commit (PDF tasks, mail) inside a test transaction."""

    def _commit():
        return django_capture_on_commit_callbacks(execute=True)

    return _commit


@pytest.fixture
def sent_agreement(placement, coordinator, commit, mailoutbox):
    """A complete vo agreement, rendered and sent; returns (agreement, {party: url})."""
    from agreements import services

    with commit():
        agreement = services.generate(placement, actor=coordinator)
    with commit():
        services.send(agreement, actor=coordinator)
    agreement.refresh_from_db()
    return agreement, links_by_party(agreement)


def links_by_party(agreement):
    """The sign URLs from the mails as sent (the token exists only there)."""
    from tests.sent_links import link_in_sent_mail, sent_mails

    urls = {}
    for req in agreement.requests.all():
        if req.email and sent_mails(req.email):
            urls[req.party] = link_in_sent_mail(req.email, url_contains="/l/")
    return urls


@pytest.fixture
def signed_agreement(sent_agreement, coordinator, commit):
    """The sent vo agreement signed by all three parties; its signed PDF rendered."""
    from agreements import services
    from agreements.models import SignatureMethod

    agreement, _urls = sent_agreement
    names = {"host": "Henk de Bakker", "student": "Marieke Verhoeven", "school": "Carla Coördinator"}
    for party, name in names.items():
        with commit():
            services.sign(
                agreement,
                party,
                name=name,
                method=SignatureMethod.IN_APP if party == "school" else SignatureMethod.LINK,
                user=coordinator if party == "school" else None,
                ip_address="192.0.2.7",
                user_agent="Firefox/140",
                shown_sha256=agreement.pdf_sha256,  # each signer signs the document shown
            )
    agreement.refresh_from_db()
    return agreement
