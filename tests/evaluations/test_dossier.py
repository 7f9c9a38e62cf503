import zipfile
from io import BytesIO

import pytest
from django.core.files.base import ContentFile

from evaluations import services
from evaluations.dossier import run
from evaluations.models import DossierDownload, DossierExport, EvaluationInvitation
from stagebeheer.models import OutgoingMessage
from tests.evaluations.conftest import finished_placement
from tests.factories.core import DepartmentFactory, MembershipFactory, UserFactory
from tests.factories.placements import PlacementPlanFactory
from tests.factories.visits import PlacementFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(department, supervisor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from agreements.models import Agreement, AgreementTemplate

    plan = PlacementPlanFactory(department=department)
    first = finished_placement(department, supervisor, plan=plan)
    second = finished_placement(department, supervisor, plan=plan)
    PlacementFactory(plan=plan, state="draft")  # a draft is no part of the dossier
    VisitFactory(
        placement=first, status="done", held_on=first.start_date, learning_moments="Zelf de kassa gedaan"
    )
    invitation = EvaluationInvitation.objects.get(placement=first, audience="student")
    services.submit(invitation, {q.pk: 4 for q in invitation.form.questions.filter(kind="scale")})
    template = AgreementTemplate.current(department, plan.agreement_kind)
    agreement = Agreement.objects.create(
        placement=first, version=1, kind=template.kind, template=template, status="signed"
    )
    agreement.signed_pdf.save("signed.pdf", ContentFile(b"%PDF-1.4 signed"), save=True)
    Agreement.objects.create(
        placement=second, version=1, kind=template.kind, template=template, status="sent"
    )
    plan.first, plan.second = first, second
    return plan


@pytest.fixture
def request_built(django_capture_on_commit_callbacks):
    """Ask for the dossier and run the queued task (inline) as the commit would."""

    def _request(client, plan):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/evaluations/plan/{plan.pk}/dossier/request/")
        return response

    return _request


def _names(export):
    export.refresh_from_db()
    with zipfile.ZipFile(export.file.open("rb")) as archive:
        return sorted(archive.namelist()), archive


def test_the_dossier_zip_holds_exactly_the_expected_files(login, coordinator, plan, request_built):
    client = login(coordinator)
    assert request_built(client, plan).status_code == 302
    export = DossierExport.objects.get()
    assert export.status == "ready"  # the task ran inline
    names, _archive = _names(export)
    a = f"stages/{plan.first.student.number}-{plan.first.pk}"
    b = f"stages/{plan.second.student.number}-{plan.second.pk}"
    assert names == sorted(
        [
            "index.html",
            "plan.pdf",
            f"{a}/overeenkomst-v1.pdf",
            f"{a}/bezoeken.html",
            f"{a}/evaluaties.html",
            f"{b}/bezoeken.html",
            f"{b}/evaluaties.html",
        ]
    )
    with zipfile.ZipFile(export.file.open("rb")) as archive:
        assert archive.read("plan.pdf").startswith(b"%PDF")
        assert archive.read(f"{a}/overeenkomst-v1.pdf") == b"%PDF-1.4 signed"
        assert "Zelf de kassa gedaan" in archive.read(f"{a}/bezoeken.html").decode()
        assert "4 / 5" in archive.read(f"{a}/evaluaties.html").decode()
        assert plan.first.student.full_name in archive.read("index.html").decode()
    assert OutgoingMessage.objects.filter(
        to_email=coordinator.email, subject__contains="inspectiedossier"
    ).exists()


def test_a_download_is_recorded(login, coordinator, plan, request_built):
    client = login(coordinator)
    request_built(client, plan)
    export = DossierExport.objects.get()
    response = client.get(f"/evaluations/dossier/{export.pk}/download/")
    assert response.status_code == 200
    assert zipfile.ZipFile(BytesIO(b"".join(response.streaming_content))).namelist()[0] == "index.html"
    assert DossierDownload.objects.filter(export=export, user=coordinator).count() == 1


def test_a_double_request_builds_once_and_a_duplicated_task_does_nothing(login, coordinator, plan):
    client = login(coordinator)
    client.post(f"/evaluations/plan/{plan.pk}/dossier/request/")  # queued; its task waits for the commit
    client.post(f"/evaluations/plan/{plan.pk}/dossier/request/")
    assert DossierExport.objects.count() == 1
    export = DossierExport.objects.get()
    assert run(export.pk) is True
    assert run(export.pk) is False
    assert DossierExport.objects.get().status == "ready"


def test_a_leader_of_the_school_may_fetch_it(login, leader, coordinator, plan, department, request_built):
    other_leader = UserFactory()
    MembershipFactory(
        user=other_leader, department=DepartmentFactory(school=department.school), role="leader"
    )
    request_built(login(coordinator), plan)
    export = DossierExport.objects.get()
    for user in (leader, other_leader):
        if user is other_leader:
            # A leader of another department of the school reads no plan page of ours, but the dossier is theirs too.
            assert login(user).get(f"/evaluations/dossier/{export.pk}/download/").status_code == 200
        else:
            assert login(user).get(f"/evaluations/plan/{plan.pk}/dossier/").status_code == 200
            assert login(user).get(f"/evaluations/dossier/{export.pk}/download/").status_code == 200


def test_supervisors_mentors_and_outsiders_may_not(
    login, supervisor, mentor, outsider, coordinator, plan, request_built
):
    request_built(login(coordinator), plan)
    export = DossierExport.objects.get()
    for user in (supervisor, mentor):
        client = login(user)
        assert client.get(f"/evaluations/plan/{plan.pk}/dossier/").status_code == 403
        assert client.post(f"/evaluations/plan/{plan.pk}/dossier/request/").status_code == 403
        assert client.get(f"/evaluations/dossier/{export.pk}/download/").status_code == 404
    client = login(outsider)
    assert client.get(f"/evaluations/plan/{plan.pk}/dossier/").status_code == 404
    assert client.get(f"/evaluations/dossier/{export.pk}/download/").status_code == 404
    assert DossierDownload.objects.count() == 0
    assert DossierExport.objects.count() == 1


def test_a_dossier_not_ready_is_not_downloadable(login, coordinator, plan):
    export = DossierExport.objects.create(plan=plan, requested_by=coordinator)
    assert login(coordinator).get(f"/evaluations/dossier/{export.pk}/download/").status_code == 404
