"""School set-up: an administrator keeps the schools and their departments
here instead of in /admin/. Everyone else gets 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from stagebeheer import school_setup
from stagebeheer.forms import DepartmentForm, SchoolForm, plan_kind_choices
from stagebeheer.history import line, record
from stagebeheer.models import Department, School
from stagebeheer.permissions import require_administrator, visible_or_404


def _school(request, pk):
    require_administrator(request.user)
    return visible_or_404(School.objects.editable_by(request.user), request.user, pk=pk)


def _department(request, school_pk, pk):
    """A department of this school; another school's department is a 404."""
    school = _school(request, school_pk)
    department = visible_or_404(
        Department.objects.editable_by(request.user).select_related("school"),
        request.user,
        pk=pk,
        school=school,
    )
    return school, department


@login_required
def school_list(request):
    """Every school with its departments: two queries whatever the number."""
    require_administrator(request.user)
    departments = Department.objects.annotate(plan_count=Count("plans")).order_by("name")
    schools = (
        School.objects.editable_by(request.user)
        .prefetch_related(Prefetch("departments", queryset=departments))
        .order_by("name", "pk")
    )
    kinds = dict(plan_kind_choices())
    schools = list(schools)
    for school in schools:
        for department in school.departments.all():
            department.kind_labels = [str(kinds.get(code, code)) for code in department.plan_kinds]
    return render(request, "stagebeheer/schools/list.html", {"schools": schools})


def _save_school(request, form, school=None):
    title = _("Nieuwe school") if school is None else school.name
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        record(
            saved,
            action="school:save",
            summary=line(gettext_noop("Schoolgegevens opgeslagen")),
            actor=request.user,
        )
        messages.success(request, _("%(name)s is opgeslagen.") % {"name": saved.name})
        return redirect("schools")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "stagebeheer/schools/school_form.html",
        {"form": form, "school": school, "title": title},
        status=status,
    )


@login_required
def school_create(request):
    require_administrator(request.user)
    return _save_school(request, SchoolForm(request.POST or None))


@login_required
def school_edit(request, pk):
    school = _school(request, pk)
    return _save_school(request, SchoolForm(request.POST or None, instance=school), school)


@login_required
def school_delete(request, pk):
    """GET asks to confirm (or says what still holds the school); POST deletes."""
    school = _school(request, pk)
    if request.method == "POST":
        try:
            school_setup.delete_school(request.user, school)
        except school_setup.SetupError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is verwijderd.") % {"name": school.name})
        return redirect("schools")
    return render(
        request,
        "stagebeheer/schools/delete.html",
        {"object": school, "school": school, "held": school_setup.school_holds(school)},
    )


def _save_department(request, school, form, department=None):
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        record(school, action="department:save", summary=saved.name, actor=request.user)
        messages.success(request, _("%(name)s is opgeslagen.") % {"name": saved.name})
        return redirect("schools")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "stagebeheer/schools/department_form.html",
        {"form": form, "school": school, "department": department},
        status=status,
    )


@login_required
def department_create(request, school_pk):
    school = _school(request, school_pk)
    return _save_department(request, school, DepartmentForm(request.POST or None, school=school))


@login_required
def department_edit(request, school_pk, pk):
    school, department = _department(request, school_pk, pk)
    form = DepartmentForm(request.POST or None, instance=department, school=school)
    return _save_department(request, school, form, department)


@login_required
def department_delete(request, school_pk, pk):
    school, department = _department(request, school_pk, pk)
    if request.method == "POST":
        try:
            school_setup.delete_department(request.user, department)
        except school_setup.SetupError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is verwijderd.") % {"name": department.name})
        return redirect("schools")
    return render(
        request,
        "stagebeheer/schools/delete.html",
        {"object": department, "school": school, "held": school_setup.department_holds(department)},
    )
