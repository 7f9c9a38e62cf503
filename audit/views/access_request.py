from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import retention
from audit.models import ReadEvent, ReadKind, RetentionRun
from audit.reads import record_read
from audit.subject import build_zip, sections
from placements.models import Student
from stagebeheer.scoping import department_ids, get_visible_or_404


def student_for_request(user, pk) -> Student:
    """The coordinators of the student's department and administrators; a stranger's id is 404."""
    student = get_visible_or_404(Student.objects.select_related("department"), user, pk=pk)
    if not (user.is_superuser or student.department_id in department_ids(user, ["coordinator"])):
        raise PermissionDenied
    return student


@login_required
def student_request(request, pk):
    """An access, correction or erasure request (AVG art. 15-17) for one student."""
    student = student_for_request(request.user, pk)
    downloads = (
        ReadEvent.objects.filter(kind=ReadKind.ACCESS_REQUEST, object_id=student.pk)
        .filter(content_type__app_label="placements", content_type__model="student")
        .select_related("user")[:20]
    )
    return render(
        request,
        "audit/access_request.html",
        {"student": student, "sections": sections(), "downloads": downloads},
    )


@login_required
@require_POST
def student_download(request, pk):
    student = student_for_request(request.user, pk)
    if student.anonymised_at is not None:
        messages.error(request, _("Deze leerling is geanonimiseerd: er zijn geen persoonsgegevens meer."))
        return redirect("audit:student_request", pk=student.pk)
    filename, data = build_zip(student)
    record_read(request, student, ReadKind.ACCESS_REQUEST)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def student_erase(request, pk):
    """An erasure request: anonymise now, as the retention job would after the term."""
    student = student_for_request(request.user, pk)
    if request.POST.get("confirm") != "on":
        messages.error(request, _("Vink aan dat u de gegevens van deze leerling wilt wissen."))
        return redirect("audit:student_request", pk=student.pk)
    counts = retention.anonymise_students([student.pk])
    if counts["students_anonymised"]:
        # The erasure itself stays on record, without the erased data.
        RetentionRun.objects.create(
            summary={"erasure_request": student.pk, "by": request.user.pk, **counts},
            finished_at=timezone.now(),
        )
    if not counts["students_anonymised"]:
        messages.info(request, _("Deze leerling was al geanonimiseerd."))
    else:
        messages.success(
            request, _("De persoonsgegevens van de leerling zijn gewist; tellingen blijven kloppen.")
        )
    return redirect("audit:student_request", pk=student.pk)
