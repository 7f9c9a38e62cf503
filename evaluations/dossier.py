"""Build the inspection dossier of a plan: a ZIP with the plan (PDF), every
signed agreement, per placement its visit log, assessments and evaluations,
and an index page."""

import zipfile
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from evaluations import hooks
from evaluations.models import DossierExport, DossierStatus, EvaluationAnswer, EvaluationResponse
from placements.models import Placement, PlacementState
from stagebeheer.mail import queue_mail

SIGNED = "signed"


def request_dossier(plan, user) -> tuple[DossierExport, bool]:
    """Queue a build unless one is running (the partial unique index settles a race)."""
    from django.db import IntegrityError

    running = DossierExport.objects.filter(
        plan=plan, status__in=[DossierStatus.QUEUED, DossierStatus.BUILDING]
    ).first()
    if running is not None:
        return running, False
    try:
        with transaction.atomic():
            export = DossierExport.objects.create(plan=plan, requested_by=user)
    except IntegrityError:
        return DossierExport.objects.filter(
            plan=plan, status__in=[DossierStatus.QUEUED, DossierStatus.BUILDING]
        ).first(), False
    from evaluations.tasks import build_dossier

    transaction.on_commit(lambda: build_dossier.delay(export.pk))
    return export, True


def _folder(placement):
    return f"stages/{placement.student.number}-{placement.pk}"


def _plan_pdf(plan) -> bytes:
    from weasyprint import HTML

    with translation.override("nl"):
        html = render_to_string("evaluations/dossier/plan.html", {"plan": plan})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def build(export) -> list[str]:
    """Write the ZIP; returns its file names (index.html first)."""
    plan = export.plan
    placements = list(
        Placement.objects.filter(plan=plan)
        .exclude(state=PlacementState.DRAFT)
        .select_related("student", "host", "school_supervisor")
        .order_by("student__number", "pk")
    )
    files: dict[str, bytes] = {"plan.pdf": _plan_pdf(plan)}
    entries = []
    visits = _visits(placements)
    evaluations = _evaluations(placements)
    agreements = _agreements(placements)
    for placement in placements:
        folder = _folder(placement)
        item = {"placement": placement, "files": []}
        for agreement, content in agreements.get(placement.pk, []):
            name = f"{folder}/overeenkomst-v{agreement.version}.pdf"
            files[name] = content
            item["files"].append(name)
        with translation.override("nl"):
            files[f"{folder}/bezoeken.html"] = render_to_string(
                "evaluations/dossier/visits.html",
                {"placement": placement, "visits": visits.get(placement.pk, [])},
            ).encode()
            files[f"{folder}/evaluaties.html"] = render_to_string(
                "evaluations/dossier/evaluations.html",
                {"placement": placement, "responses": evaluations.get(placement.pk, [])},
            ).encode()
            item["files"] += [f"{folder}/bezoeken.html", f"{folder}/evaluaties.html"]
            assessments = hooks.dossier_assessments(placement)
            if assessments is not None:
                files[f"{folder}/beoordelingen.html"] = assessments
                item["files"].append(f"{folder}/beoordelingen.html")
        entries.append(item)
    with translation.override("nl"):
        index = render_to_string(
            "evaluations/dossier/index.html", {"plan": plan, "entries": entries, "made": timezone.now()}
        ).encode()
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", index)
        for name, content in files.items():
            archive.writestr(name, content)
    names = ["index.html", *files]
    export.file.save(f"dossier-{plan.pk}-{plan.school_year}.zip", ContentFile(buffer.getvalue()), save=False)
    export.files = names
    return names


def _visits(placements):
    from visits.models import Visit

    out = {}
    for visit in Visit.objects.filter(placement__in=placements).order_by("planned_on", "pk"):
        out.setdefault(visit.placement_id, []).append(visit)
    return out


def _evaluations(placements):
    responses = {
        r.pk: r for r in EvaluationResponse.objects.filter(placement__in=placements).order_by("audience")
    }
    for r in responses.values():
        r.rows = []
    for answer in (
        EvaluationAnswer.objects.filter(response__in=list(responses))
        .select_related("question")
        .order_by("question__order", "pk")
    ):
        responses[answer.response_id].rows.append(answer)
    out = {}
    for r in responses.values():
        out.setdefault(r.placement_id, []).append(r)
    return out


def _agreements(placements):
    """The signed version's stored PDF: the signed copy, else the uploaded scan, else the PDF."""
    from agreements.models import Agreement

    out = {}
    for agreement in Agreement.objects.filter(placement__in=placements, status=SIGNED).order_by("version"):
        stored = agreement.signed_pdf or agreement.scan or agreement.pdf
        if not stored:
            continue
        try:
            with stored.open("rb") as handle:
                content = handle.read()
        except OSError:
            continue
        out.setdefault(agreement.placement_id, []).append((agreement, content))
    return out


def run(export_id) -> bool:
    """Claim the row (queued → building) so a duplicated task builds once."""
    if not DossierExport.objects.filter(pk=export_id, status=DossierStatus.QUEUED).update(
        status=DossierStatus.BUILDING
    ):
        return False
    export = DossierExport.objects.select_related("plan__department", "requested_by").get(pk=export_id)
    try:
        build(export)
    except Exception as exc:
        DossierExport.objects.filter(pk=export.pk).update(
            status=DossierStatus.FAILED, error=str(exc)[:300], finished_at=timezone.now()
        )
        return False
    export.status = DossierStatus.READY
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "files", "status", "finished_at"])
    if export.requested_by and export.requested_by.email:
        from django.urls import reverse

        queue_mail(
            to_email=export.requested_by.email,
            to_name=export.requested_by.full_name,
            subject=_("Het inspectiedossier van %(plan)s is klaar") % {"plan": export.plan},
            template="evaluations/mail/dossier_ready",
            context={
                "plan": export.plan,
                "url": settings.SITE_URL + reverse("evaluations:dossier", args=[export.plan_id]),
            },
            related=export,
            department=export.plan.department,
        )
    return True
