"""Staff import: a CSV/XLSX export of the school administration becomes
invitations, with the student import's column mapping, preview and per-row
errors; every row goes through the team page's invite service."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stagebeheer.models import AccessLink, Membership, User
from stagebeheer.team import INVITATION_PURPOSE
from tests.factories.core import DepartmentFactory, MembershipFactory
from tests.sent_links import link_in_sent_mail, sent_mails

pytestmark = pytest.mark.django_db

HEADER = "Naam;E-mail;Functie;Afdeling\n"


def _csv(*lines, header=HEADER):
    return SimpleUploadedFile("medewerkers.csv", (header + "\n".join(lines) + "\n").encode())


def _upload(client, file, department=None):
    data = {"file": file}
    if department is not None:
        data["department"] = department.pk
    return client.post(reverse("team_import"), data)


def _confirm(client, capture):
    with capture(execute=True):
        return client.post(reverse("team_import_map"), {"confirm": "1"})


def test_only_team_managers_open_the_import(login, supervisor, leader, mentor, outsider, coordinator):
    for person in (supervisor, leader, mentor):
        client = login(person)
        for name in ("team_import", "team_import_map"):
            assert client.get(reverse(name)).status_code == 403
        assert client.post(reverse("team_import_cancel")).status_code == 403
    assert login(outsider).get(reverse("team_import")).status_code == 200
    assert login(coordinator).get(reverse("team_import")).status_code == 200


def test_the_preview_says_per_row_what_will_happen_and_stores_nothing(
    login, coordinator, supervisor, department
):
    client = login(coordinator)
    response = _upload(
        client,
        _csv(
            "Nina Nieuw;nina@school.example;stagebegeleider;",
            f"{supervisor.full_name};{supervisor.email.upper()};Mentor;{department.name}",
            f"{supervisor.full_name};{supervisor.email};stagebegeleider;",
        ),
    )
    assert response.status_code == 302
    page = client.get(reverse("team_import_map")).content.decode()
    assert "nieuwe collega krijgt een uitnodiging" in page
    assert "bestaande collega krijgt de rol erbij" in page
    assert "heeft deze rol al" in page
    assert not User.objects.filter(email="nina@school.example").exists()
    assert not AccessLink.objects.filter(purpose=INVITATION_PURPOSE).exists()


def test_confirming_invites_through_the_outbox_and_the_link_works(
    client, login, coordinator, supervisor, department, django_capture_on_commit_callbacks
):
    client = login(coordinator)
    _upload(
        client,
        _csv(
            "Nina Nieuw;nina@school.example;stagebegeleider;",
            f"{supervisor.full_name};{supervisor.email};mentor;",
            "Cas Collega;cas@school.example;Stagecoördinator;",
        ),
    )
    response = _confirm(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "3 uitnodigingen verstuurd" in response.content.decode()
    nina = User.objects.get(email="nina@school.example")
    assert nina.memberships.get().role == "supervisor"
    assert set(supervisor.memberships.values_list("role", flat=True)) == {"supervisor", "mentor"}
    assert User.objects.get(email="cas@school.example").memberships.get().role == "coordinator"
    path = link_in_sent_mail("nina@school.example", url_contains="/l/")
    client.logout()
    assert client.get(path).status_code == 200


def test_bad_rows_are_reported_with_line_and_reason_and_nothing_is_saved_for_them(
    login, coordinator, department, django_capture_on_commit_callbacks
):
    client = login(coordinator)
    _upload(
        client,
        _csv(
            "Goed Persoon;goed@school.example;mentor;",
            ";geennaam@school.example;mentor;",
            "Fout Adres;geen-adres;mentor;",
            "Rare Rol;rol@school.example;conciërge;",
            "Andere Afdeling;ander@school.example;mentor;Lyceum Elders",
            "Goed Persoon;goed@school.example;mentor;",
        ),
    )
    page = client.get(reverse("team_import_map")).content.decode()
    assert "Regel 3" in page
    assert "naam ontbreekt" in page
    assert "Regel 4" in page
    assert "geen geldig e-mailadres" in page
    assert "Regel 5" in page
    assert "conciërge" in page
    assert "Regel 6" in page
    assert "niet een van uw afdelingen" in page
    assert "Regel 7" in page
    assert "twee keer in het bestand" in page
    _confirm(client, django_capture_on_commit_callbacks)
    assert set(User.objects.filter(email__endswith="@school.example").values_list("email", flat=True)) >= {
        "goed@school.example"
    }
    for email in ("geennaam@school.example", "geen-adres", "rol@school.example", "ander@school.example"):
        assert not User.objects.filter(email=email).exists()
    assert len(sent_mails("goed@school.example")) == 1
    assert AccessLink.objects.filter(purpose=INVITATION_PURPOSE).count() == 1


def test_an_unreadable_file_saves_nothing(login, coordinator):
    client = login(coordinator)
    broken = SimpleUploadedFile("medewerkers.xlsx", b"PK\x03\x04 this is no workbook")
    response = _upload(client, broken)
    assert response.status_code == 400
    assert "Niets geïmporteerd" in response.content.decode()
    assert "staff-import" not in client.session
    nul = SimpleUploadedFile("medewerkers.csv", b"Naam;E-mail\x00;Rol\n")
    assert _upload(client, nul).status_code == 400
    assert User.objects.count() == 1


def test_an_xlsx_export_is_read(login, coordinator, django_capture_on_commit_callbacks):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Volledige naam", "E-mailadres", "Rol"])
    book.active.append(["Xander Excel", "xander@school.example", "Stagebegeleider"])
    buffer = io.BytesIO()
    book.save(buffer)
    client = login(coordinator)
    _upload(client, SimpleUploadedFile("export.xlsx", buffer.getvalue()))
    _confirm(client, django_capture_on_commit_callbacks)
    assert User.objects.filter(email="xander@school.example").exists()


def test_a_coordinator_importing_a_leader_or_an_administrator_gets_a_row_error(
    login, coordinator, department, django_capture_on_commit_callbacks
):
    client = login(coordinator)
    _upload(
        client,
        _csv("Lex Leider;lex@school.example;schoolleider;", "Bea Beheer;bea@school.example;beheerder;"),
    )
    page = client.get(reverse("team_import_map")).content.decode()
    assert "een schoolleider wordt uitgenodigd door een beheerder" in page
    assert "beheerders worden niet via een import gemaakt" in page
    _confirm(client, django_capture_on_commit_callbacks)
    assert not User.objects.filter(email__in=["lex@school.example", "bea@school.example"]).exists()
    assert not User.objects.filter(is_superuser=True).exists()


def test_an_administrator_may_import_a_leader(login, department, django_capture_on_commit_callbacks):
    admin = User.objects.create_superuser("admin@school.example", "x-admin-password-1", full_name="Beheer")
    client = login(admin)
    _upload(client, _csv("Lex Leider;lex@school.example;schoolleider;"), department=department)
    _confirm(client, django_capture_on_commit_callbacks)
    assert Membership.objects.filter(
        user__email="lex@school.example", role="leader", department=department
    ).exists()


def test_a_coordinator_imports_only_into_her_own_departments(
    login, coordinator, department, other_department, django_capture_on_commit_callbacks
):
    second = DepartmentFactory(school=department.school, name="Baken havo")
    MembershipFactory(user=coordinator, department=second, role="coordinator")
    client = login(coordinator)
    # A tampered default department (someone else's id) is ignored, not used.
    _upload(
        client,
        _csv(
            "Zonder Afdeling;zonder@school.example;mentor;",
            "Met Afdeling;met@school.example;mentor;Baken havo",
        ),
        department=other_department,
    )
    page = client.get(reverse("team_import_map")).content.decode()
    assert "afdeling ontbreekt" in page
    _confirm(client, django_capture_on_commit_callbacks)
    assert not User.objects.filter(email="zonder@school.example").exists()
    assert Membership.objects.get(user__email="met@school.example").department == second
    assert not Membership.objects.filter(
        department=other_department, user__email__endswith="@school.example"
    ).exists()


def test_confirming_twice_invites_once(login, coordinator, department, django_capture_on_commit_callbacks):
    client = login(coordinator)
    _upload(client, _csv("Nina Nieuw;nina@school.example;stagebegeleider;"))
    _confirm(client, django_capture_on_commit_callbacks)
    again = client.post(reverse("team_import_map"), {"confirm": "1"})
    assert again.status_code == 302
    assert again.url == reverse("team_import")
    assert AccessLink.objects.filter(purpose=INVITATION_PURPOSE).count() == 1
    assert len(sent_mails("nina@school.example")) == 1


def test_importing_the_same_file_again_invites_nobody_twice(
    login, coordinator, department, django_capture_on_commit_callbacks
):
    client = login(coordinator)
    for _round in range(2):
        _upload(client, _csv("Nina Nieuw;nina@school.example;stagebegeleider;"))
        response = _confirm(client, django_capture_on_commit_callbacks)
    assert "0 uitnodigingen verstuurd" in response.content.decode()
    assert Membership.objects.filter(user__email="nina@school.example").count() == 1
    assert len(sent_mails("nina@school.example")) == 1


def test_the_mapping_chosen_on_screen_is_used_and_remembered(
    login, coordinator, department, django_capture_on_commit_callbacks
):
    from placements.models import ImportMapping

    client = login(coordinator)
    _upload(client, _csv("stagebegeleider;Nina Nieuw;nina@school.example", header="Wat;Wie;Waar\n"))
    page = client.get(reverse("team_import_map")).content.decode()
    assert "Koppel eerst de verplichte kolommen" in page
    client.post(reverse("team_import_map"), {"map_full_name": "1", "map_email": "2", "map_role": "0"})
    _confirm(client, django_capture_on_commit_callbacks)
    assert User.objects.filter(email="nina@school.example", full_name="Nina Nieuw").exists()
    remembered = ImportMapping.objects.get(school=department.school, kind="staff").columns
    assert remembered == {"full_name": "Wie", "email": "Waar", "role": "Wat"}


def test_cancel_forgets_the_file(login, coordinator):
    client = login(coordinator)
    _upload(client, _csv("Nina Nieuw;nina@school.example;stagebegeleider;"))
    assert client.post(reverse("team_import_cancel")).status_code == 302
    assert client.get(reverse("team_import_map")).status_code == 302


def test_the_preview_has_a_fixed_number_of_queries(login, coordinator, department, supervisor):
    from tests.querycount import assert_fixed_queries

    client = login(coordinator)
    _upload(client, _csv("Nina Nieuw;nina@school.example;stagebegeleider;"))

    def grow():
        session = client.session
        data = session["staff-import"]
        data["rows"] += [[f"Persoon {n}", f"p{n}@school.example", "mentor", ""] for n in range(20)]
        data["rows"].append([supervisor.full_name, supervisor.email, "mentor", department.name])
        session["staff-import"] = data
        session.save()

    assert_fixed_queries(client, reverse("team_import_map"), grow)
