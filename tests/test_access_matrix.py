"""Every URL pattern, every persona, GET and POST: the answer is the expected one
(issue 9.9). The expectations are in tests/access_matrix_table.py.

The URL patterns come from the resolver, so a new page without a line in the
table fails ``test_every_url_pattern_is_in_the_table``. Each pattern is asked
with the ids of a world the personas belong to ("ours") and, for patterns with
an object id, with the ids of a school no persona belongs to ("foreign"): a
foreign id must be 404 for every signed-in persona (403 where the role alone
already refuses), never 200. Link holders (one per kind of e-mailed link) open
their own link; on staff pages they are anonymous.

One dataset for the module; every request runs in a savepoint that is rolled
back, so a POST that changes state (complete, withdraw, delete) changes nothing
for the next cell.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from stagebeheer import links
from tests.access_matrix_table import LINK_TABLE, PERSONAS, SKIPPED, TABLE

# One worker builds the world once (make test runs -n 2 --dist loadgroup).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("access_matrix")]


def url_names(patterns=None, namespace=None):
    """(name, pattern) of every URL of the project, admin excluded (see SKIPPED)."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns == "admin":
                continue
            yield from url_names(entry.url_patterns, ns)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), str(entry.pattern)


class World:
    """The personas and objects of one school (ours) and a foreign school."""

    def __init__(self):
        from datetime import date, timedelta
        from unittest import mock

        from django.test import TestCase
        from django.utils import timezone

        from agreements import services as agreement_services
        from agreements.models import CooperationAgreement
        from stagebeheer.models import OutgoingMessage
        from tests.agreements.conftest import complete_plan
        from tests.factories.core import DepartmentFactory, MembershipFactory, SchoolFactory, UserFactory
        from tests.factories.placements import (
            GuardianFactory,
            HostFactory,
            PlacementFactory,
            StudentFactory,
            WorkplaceSupervisorFactory,
        )
        from tests.factories.visits import ConcernFactory, ContactMomentRuleFactory, VisitFactory
        from tests.visits.test_link_placement import TARGETS
        from visits.models import CalendarFeed

        def member(department, role, name):
            user = UserFactory(full_name=name)
            MembershipFactory(user=user, department=department, role=role)
            return user

        school = SchoolFactory()
        ours = DepartmentFactory(school=school, name="Afdeling Ons")
        neighbour = DepartmentFactory(school=school, name="Afdeling Buren")
        elsewhere = DepartmentFactory(name="Andere school")
        self.users = {
            "coord": member(ours, "coordinator", "Carla Coördinator"),
            "coord_dept": member(neighbour, "coordinator", "Nina Buurafdeling"),
            "coord_school": member(elsewhere, "coordinator", "Otto Anderschool"),
            "sup_school": member(elsewhere, "supervisor", "Stan Anderschool"),
            "sup": member(ours, "supervisor", "Sam Begeleider"),
            "sup_other": member(ours, "supervisor", "Olga Anderebegeleider"),
            "leader": member(ours, "leader", "Lex Schoolleider"),
            "mentor": member(ours, "mentor", "Mo Mentor"),
            "admin": UserFactory(full_name="Ada Beheer", is_superuser=True, is_staff=True),
        }
        today = timezone.localdate()
        self.objects = {}
        for side, department, supervisor, mentor in (
            ("ours", ours, self.users["sup"], self.users["mentor"]),
            ("foreign", DepartmentFactory(name="Vreemde school"), None, None),
        ):
            if supervisor is None:
                supervisor = member(department, "supervisor", "Vera Vreemd")
                mentor = member(department, "mentor", "Victor Vreemd")
            plan = complete_plan(department)
            host = HostFactory(school=department.school)
            wps = WorkplaceSupervisorFactory(host=host)
            student = StudentFactory(department=department, mentor=mentor, date_of_birth=date(2010, 5, 1))
            placement = PlacementFactory(
                plan=plan,
                student=student,
                host=host,
                school_supervisor=supervisor,
                workplace_supervisor=wps,
                start_date=today - timedelta(days=7),
                end_date=today + timedelta(days=30),
            )
            GuardianFactory(student=student, email="ouder@thuis.example")
            school_ = department.school
            school_.address, school_.postcode, school_.board_name = "Schoolstraat 1", "3511AB", "Stichting"
            school_.save()
            coordinator = (
                self.users["coord"] if side == "ours" else member(department, "coordinator", "Vreemd")
            )
            with (
                TestCase.captureOnCommitCallbacks(execute=True),
                mock.patch("agreements.pdf.render_pdf", return_value=b"%PDF-1.4\n%%EOF\n"),
            ):
                agreement = agreement_services.generate(placement, actor=coordinator)
                agreement_services.send(agreement, actor=coordinator)
            agreement.refresh_from_db()
            template = agreement.template
            self.objects[side] = {
                "department": department,
                "plan": plan,
                "host": host,
                "workplace_supervisor": wps,
                "student": student,
                "placement": placement,
                "agreement": agreement,
                "template_kind": template.kind,
                "cooperation": CooperationAgreement.objects.create(
                    kind="standing_host", host=host, valid_from=today, created_by=None
                ),
                "visit": VisitFactory(placement=placement, planned_on=today),
                "concern": ConcernFactory(placement=placement, department=department),
                "rule": ContactMomentRuleFactory(plan=plan),
                "message": OutgoingMessage.objects.create(
                    to_email="ouder@thuis.example", subject="Stage", body_text="Hallo", department=department
                ),
                "calendar_token": CalendarFeed.renew(supervisor),
                **_second_half(placement, supervisor, coordinator),
            }
        # One link holder per kind of e-mailed link, all about our placement.
        links.discover()
        self.link_tokens = {}
        placement = self.objects["ours"]["placement"]
        from agreements.models import SignatureRequest
        from agreements.services import COPY_LINK_PURPOSE as COPY_PURPOSE
        from agreements.services import LINK_PURPOSE as SIGN_PURPOSE
        from stagebeheer.models import AccessLink

        targets = {
            **TARGETS,
            # Our agreement, sent: the host's signer holds the link.
            SIGN_PURPOSE: lambda placement: SignatureRequest.objects.filter(
                agreement=self.objects["ours"]["agreement"], party="host"
            ).first(),
        }
        targets[COPY_PURPOSE] = targets[SIGN_PURPOSE]
        for purpose in sorted(links._handlers):
            _link, token = AccessLink.issue(
                purpose=purpose,
                target=targets[purpose](placement),
                recipient_name="Piet Praktijk",
                recipient_email="piet@bedrijf.example",
                department=placement.plan.department,
            )
            self.link_tokens[purpose] = token
        self.clients = {}
        for code in PERSONAS:
            client = Client()
            if code in self.users:
                client.force_login(self.users[code])
            self.clients[code] = client

    def kwargs(self, kind, side):
        o = self.objects[side]
        return {
            "none": {},
            "plan": {"pk": o["plan"].pk},
            "plan_pk": {"plan_pk": o["plan"].pk},
            "placement": {"pk": o["placement"].pk},
            "placement_pk": {"placement_pk": o["placement"].pk},
            "hours_link": {"pk": o["placement"].pk, "who": "student"},
            "host": {"pk": o["host"].pk},
            "workplace_supervisor": {"pk": o["workplace_supervisor"].pk},
            "student": {"pk": o["student"].pk},
            "import_kind": {"kind": "students"},
            "agreement": {"pk": o["agreement"].pk},
            "template": {"department_pk": o["department"].pk, "kind": o["template_kind"]},
            "cooperation": {"pk": o["cooperation"].pk},
            "visit": {"pk": o["visit"].pk},
            "concern": {"pk": o["concern"].pk},
            "rule": {"pk": o["rule"].pk},
            "message": {"pk": o["message"].pk},
            "calendar_token": {"token": o["calendar_token"] if side == "ours" else "x" * 43},
            "reset": {"uidb64": "MQ", "token": "set-password"},
            "link": {"token": "niet-bestaand-" + "x" * 30},
            "link_action": {"token": "niet-bestaand-" + "x" * 30, "action": "report-concern"},
            "framework": {"pk": o["framework"].pk},
            "competency": {"pk": o["competency"].pk},
            "round": {"pk": o["round"].pk},
            "round_open": {"pk": o["placement"].pk, "round_pk": o["round"].pk},
            "assessment": {"pk": o["assessment"].pk},
            "assignment": {"pk": o["assignment"].pk},
            "handin": {"pk": o["handin"].pk},
            "invitation": {"pk": o["invitation"].pk},
            "form_audience": {"pk": o["plan"].pk, "audience": "student"},
            "plan_review": {"pk": o["plan_review"].pk},
            "dossier": {"pk": o["dossier"].pk},
            "record_history": {"key": "placements.placement", "pk": o["placement"].pk},
            "export_fmt": {"fmt": "csv"},
            "wish_round": {"pk": o["wish_round"].pk},
            "wish_participant": {"pk": o["wish_participant"].pk},
            "own_find": {"pk": o["own_find"].pk},
            "membership": {"pk": o["membership"].pk},
            "person": {"pk": o["person"].pk},
            "school": {"pk": o["department"].school_id},
            "school_pk": {"school_pk": o["department"].school_id},
            "department_of_school": {"school_pk": o["department"].school_id, "pk": o["department"].pk},
        }[kind]


def _second_half(placement, supervisor, coordinator):
    """Objects of assessment and evaluation for one side of the world."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from assessments import stageboek
    from assessments.models import Assessment, HandIn
    from assessments.opening import open_round
    from assessments.presets import apply_default
    from evaluations.models import DossierExport, EvaluationInvitation, PlanReview
    from evaluations.services import current_form
    from placements.models import OwnFind, WishParticipant, WishRound
    from tests.factories.assessments import FrameworkFactory

    wish_round = WishRound.objects.create(
        plan=placement.plan,
        title="Snuffelstage",
        start_date=placement.start_date,
        end_date=placement.end_date,
        closes_on=placement.start_date,
    )
    participant = WishParticipant.objects.create(round=wish_round, student=placement.student)
    own_find = OwnFind.objects.create(
        participant=participant,
        host=placement.host,
        contact_name="Petra Hooiberg",
        contact_email="petra@hooiberg.example",
        start_date=placement.start_date,
        end_date=placement.end_date,
    )
    framework = FrameworkFactory(department=placement.plan.department)
    stageboek.add_defaults(placement.plan)
    assignment = placement.plan.stageboek_assignments.first()
    handin = HandIn.objects.create(
        assignment=assignment, placement=placement, text="Mijn logboek", handed_in_at=timezone.now()
    )
    handin.file.save("logboek.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    setup = apply_default(placement.plan)
    final = setup.rounds.get(kind="final")
    open_round(placement, final)
    return {
        "framework": framework,
        "assignment": assignment,
        "handin": handin,
        "competency": framework.competencies.first(),
        "round": final,
        "assessment": Assessment.objects.get(placement=placement, round=final, party="school"),
        "invitation": EvaluationInvitation.objects.create(
            placement=placement,
            audience="school_supervisor",
            form=current_form(placement.plan, "school_supervisor"),
            user=supervisor,
        ),
        "plan_review": PlanReview.objects.create(
            plan=placement.plan, findings="Goed verlopen.", reviewed_by=coordinator
        ),
        "dossier": DossierExport.objects.create(plan=placement.plan, requested_by=coordinator),
        "wish_round": wish_round,
        "wish_participant": participant,
        "own_find": own_find,
        "membership": supervisor.memberships.first(),
        "person": supervisor,
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.core.cache import cache
    from django.test import override_settings

    from stagebeheer.celery import app as celery_app

    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        yield World()
        transaction.set_rollback(True)
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _quick_pdf(monkeypatch, settings):
    """The agreement pages may render a PDF: a stand-in (files go to the world's temporary folder)."""
    settings.ACCESS_LINK_GUESSES = 10**6  # staff personas ask with unknown tokens on purpose
    monkeypatch.setattr("agreements.pdf.render_pdf", lambda agreement, signatures=None: b"%PDF-1.4\n%%EOF\n")


def ask(client, method, url):
    """One request in a savepoint that is rolled back afterwards."""
    from http.cookies import SimpleCookie

    from django.core.cache import cache

    cookies = SimpleCookie()
    cookies.load(client.cookies.output(header="", sep=";"))
    with transaction.atomic():
        response = client.get(url) if method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    # A POST to logout (or a login) replaces the session cookie: give the persona its own back.
    client.cookies = cookies
    cache.clear()
    return response


def describe(response):
    if response.status_code in (301, 302) and "/login/" in response.get("Location", ""):
        return "login"
    return str(response.status_code)


def expected_row(name):
    kind, get, post = TABLE[name]
    return kind, dict(zip(PERSONAS, get.split(), strict=True)), dict(zip(PERSONAS, post.split(), strict=True))


def test_every_url_pattern_is_in_the_table():
    names = {name for name, _pattern in url_names()}
    missing = sorted(names - set(TABLE) - set(SKIPPED))
    assert not missing, f"add a line per URL to tests/access_matrix_table.py: {missing}"
    gone = sorted(set(TABLE) - names)
    assert not gone, f"these lines of tests/access_matrix_table.py name no URL any more: {gone}"


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_persona_gets_the_expected_answer(name, world):
    from django.urls import reverse

    kind, get, post = expected_row(name)
    wrong = []
    for side in ("ours", "foreign"):
        url = reverse(name, kwargs=world.kwargs(kind, side))
        for method, expected in (("GET", get), ("POST", post)):
            for persona in PERSONAS:
                if side == "foreign" and (
                    kind in ("none", "import_kind", "reset", "export_fmt") or persona == "admin"
                ):
                    continue
                got = describe(ask(world.clients[persona], method, url))
                if side == "ours":
                    want = expected[persona]
                    if got != want:
                        wrong.append(f"{method} {url} as {persona}: expected {want}, got {got}")
                elif got.startswith(("2", "5")):
                    # Someone else's object: never shown, never a server error.
                    wrong.append(f"{method} {url} (foreign id) as {persona}: got {got}")
                elif got not in ("404", "403", "login", "405") and kind not in (
                    "calendar_token",
                    "link",
                    "link_action",
                ):
                    wrong.append(f"{method} {url} (foreign id) as {persona}: got {got}, expected 404")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("purpose", sorted(LINK_TABLE))
def test_each_link_holder_opens_own_link_and_nothing_else(purpose, world):
    """A link holder gets their page; the staff pages treat them as anonymous."""
    from django.urls import reverse

    token = world.link_tokens[purpose]
    client = Client()
    wrong = []
    cells = {
        "GET link": ("GET", reverse("access_link", args=[token])),
        "POST link": ("POST", reverse("access_link", args=[token])),
        "GET report-concern": ("GET", reverse("access_link_action", args=[token, "report-concern"])),
        "GET bogus action": ("GET", reverse("access_link_action", args=[token, "bogus"])),
    }
    for (label, (method, url)), want in zip(cells.items(), LINK_TABLE[purpose].split(), strict=True):
        got = describe(ask(client, method, url))
        if got != want:
            wrong.append(f"{label} {url} as holder of a {purpose} link: expected {want}, got {got}")
    for name in ("home", "placements:plan_list", "visits:concern_list", "outbox"):
        got = describe(ask(client, "GET", reverse(name)))
        if got != "login":
            wrong.append(f"GET {reverse(name)} as holder of a {purpose} link: expected login, got {got}")
    assert not wrong, "\n".join(wrong)


def test_every_kind_of_link_is_in_the_table(world):
    assert set(LINK_TABLE) == set(world.link_tokens), "add each link purpose to LINK_TABLE"


def test_the_personas_are_who_they_say(world):
    user_model = get_user_model()
    assert user_model.objects.get(pk=world.users["admin"].pk).is_superuser
    assert not world.users["coord"].is_superuser


@pytest.mark.skipif(
    "not config.getoption('--print-access-matrix', default=False)",
    reason="a tool that prints the observed table for review; it checks nothing, so it runs only when asked",
)
def test_print_the_observed_table(world):
    """A tool, not a check: ``pytest tests/test_access_matrix.py --print-access-matrix -s -k print``
    prints what each URL answers today, in the table's format, to review and copy."""
    from django.urls import reverse

    for name in sorted(TABLE):
        kind = TABLE[name][0]
        url = reverse(name, kwargs=world.kwargs(kind, "ours"))
        row = [" ".join(describe(ask(world.clients[p], m, url)) for p in PERSONAS) for m in ("GET", "POST")]
        print(f'    "{name}": ("{kind}", "{row[0]}", "{row[1]}"),')
    for purpose in sorted(world.link_tokens):
        token = world.link_tokens[purpose]
        cells = [
            ("GET", reverse("access_link", args=[token])),
            ("POST", reverse("access_link", args=[token])),
            ("GET", reverse("access_link_action", args=[token, "report-concern"])),
            ("GET", reverse("access_link_action", args=[token, "bogus"])),
        ]
        print(f'    "{purpose}": "{" ".join(describe(ask(Client(), m, u)) for m, u in cells)}",')
