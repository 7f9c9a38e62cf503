from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from placements.forms import GuardianFormSet, LearningGoalForm, StudentForm
from placements.importing import export_rows
from placements.models import LearningGoal, Placement, Student
from placements.search import search_key
from placements.views.common import query_without_page, staff_of, table_response
from stagebeheer.history import note_read
from stagebeheer.models import Department
from stagebeheer.navigation import panels_for_slot
from stagebeheer.params import optional_id
from stagebeheer.permissions import (
    coordinator_departments,
    editable_or_403,
    may_see_support_needs,
    require_coordinator,
    visible_or_404,
)


def filtered_students(request):
    students = Student.objects.visible_to(request.user)
    q = request.GET.get("q", "").strip()[:100]
    if q:
        students = students.filter(
            Q(search_name__contains=search_key(q)) | Q(number=q) | Q(class_name__iexact=q)
        )
    department_id = optional_id(request.GET, "department")
    if department_id:
        students = students.filter(department_id=department_id)
    if request.GET.get("class"):
        students = students.filter(class_name__iexact=request.GET["class"][:20])
    return students


@login_required
def student_list(request):
    students = (
        filtered_students(request).select_related("department", "mentor").order_by("last_name", "first_name")
    )
    if request.GET.get("export") in ("csv", "xlsx"):
        require_coordinator(request.user)
        header, rows = export_rows("students", students.prefetch_related("guardians"))
        return table_response("leerlingen", header, rows, request.GET["export"])
    page = Paginator(students, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "placements/student_list.html",
        {
            "page": page,
            "query": query_without_page(request),
            "departments": Department.objects.visible_to(request.user),
            "can_edit": coordinator_departments(request.user).exists(),
            "filters": {k: request.GET.get(k, "") for k in ("q", "department")},
        },
    )


def _can_see_support(user, student) -> bool:
    return may_see_support_needs(user, student)


@login_required
def student_detail(request, pk):
    student = visible_or_404(Student.objects.select_related("department", "mentor"), request.user, pk=pk)
    placements = (
        Placement.objects.visible_to(request.user)
        .filter(student=student)
        .select_related("host", "plan", "school_supervisor")
    )
    can_edit = Student.objects.editable_by(request.user).filter(pk=student.pk).exists()
    show_support = _can_see_support(request.user, student)
    if show_support and student.support_needs:
        note_read(request, student, "support_needs")  # reading support needs is recorded (AVG art. 5(2))
    return render(
        request,
        "placements/student_detail.html",
        {
            "student": student,
            "guardians": student.guardians.all(),
            "goals": student.goals.all(),
            "placements": placements,
            "can_edit": can_edit,
            "show_support": show_support,
            "goal_form": LearningGoalForm(),
            "panels": panels_for_slot("student_detail", request, student),
        },
    )


def _student_form(request, department, instance=None):
    mentors = staff_of([department.pk], "mentor") | staff_of([department.pk], "coordinator")
    form = StudentForm(
        request.POST or None, instance=instance, department=department, mentors=mentors.distinct()
    )
    formset = GuardianFormSet(request.POST or None, instance=instance or Student(), prefix="guardians")
    return form, formset


@login_required
def student_create(request):
    require_coordinator(request.user)
    departments = coordinator_departments(request.user)
    department_id = optional_id(request.GET, "department")
    department = (
        departments.filter(pk=department_id).first() if department_id else None
    ) or departments.first()
    form, formset = _student_form(request, department)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            student = form.save()
            formset.instance = student
            formset.save()
        messages.success(request, _("De leerling is toegevoegd."))
        return redirect("placements:student_detail", pk=student.pk)
    return render(
        request,
        "placements/student_form.html",
        {
            "form": form,
            "formset": formset,
            "student": None,
            "department": department,
            "departments": departments,
        },
    )


@login_required
def student_edit(request, pk):
    student = get_editable_student(request, pk)
    form, formset = _student_form(request, student.department, instance=student)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            form.save()
            formset.save()
        messages.success(request, _("De leerling is opgeslagen."))
        return redirect("placements:student_detail", pk=student.pk)
    return render(
        request,
        "placements/student_form.html",
        {"form": form, "formset": formset, "student": student, "department": student.department},
    )


def get_editable_student(request, pk):
    return editable_or_403(Student.objects.select_related("department"), request.user, pk=pk)


@login_required
@require_POST
def student_add_goal(request, pk):
    student = get_editable_student(request, pk)
    form = LearningGoalForm(request.POST)
    if form.is_valid():
        LearningGoal.objects.create(student=student, **form.cleaned_data)
        messages.success(request, _("Het leerdoel is toegevoegd."))
    else:
        messages.error(request, _("Vul de periode en het leerdoel in."))
    return redirect("placements:student_detail", pk=student.pk)


__all__ = ["editable_or_403"]
