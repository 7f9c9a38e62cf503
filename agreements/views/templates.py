"""Editing an agreement template's wording: every save is a new version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from agreements.elements import elements_for
from agreements.forms import TemplateForm
from agreements.models import AgreementKind, AgreementTemplate
from stagebeheer.models import Department
from stagebeheer.permissions import (
    coordinator_departments,
    require_coordinator,
    require_role,
)


@login_required
def template_list(request):
    require_coordinator(request.user)
    departments = coordinator_departments(request.user)
    latest = {}
    for t in AgreementTemplate.objects.filter(department__in=departments).only(
        "pk", "department_id", "kind", "version", "created_at"
    ):
        key = (t.department_id, t.kind)
        if key not in latest or t.version > latest[key].version:
            latest[key] = t
    rows = [
        {"department": d, "kind": k, "label": label, "template": latest.get((d.pk, k))}
        for d in departments
        for k, label in AgreementKind.choices
    ]
    return render(request, "agreements/template_list.html", {"rows": rows})


@login_required
def template_edit(request, department_pk, kind):
    if kind not in AgreementKind.values:
        raise Http404
    department = Department.objects.visible_to(request.user).filter(pk=department_pk).first()
    if department is None:
        raise Http404
    require_role(request.user, "coordinator", department.pk)
    current = AgreementTemplate.current(department, kind)
    initial = {"title": current.title, "intro": current.intro, "closing": current.closing}
    initial.update({f"el_{k}": v for k, v in current.element_wording.items()})
    form = TemplateForm(request.POST or None, kind=kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                AgreementTemplate.objects.create(
                    department=department,
                    kind=kind,
                    version=current.version + 1,
                    title=form.cleaned_data["title"],
                    intro=form.cleaned_data["intro"],
                    closing=form.cleaned_data["closing"],
                    element_wording=form.element_wording(),
                    created_by=request.user,
                )
        except IntegrityError:
            form.add_error(None, _("Iemand anders heeft dit sjabloon net gewijzigd. Laad de pagina opnieuw."))
        else:
            messages.success(
                request,
                _("Versie %(v)s van het sjabloon is opgeslagen. Nieuwe overeenkomsten gebruiken deze tekst.")
                % {"v": current.version + 1},
            )
            return redirect("agreements:template_list")
    return render(
        request,
        "agreements/template_edit.html",
        {
            "form": form,
            "department": department,
            "kind_label": AgreementKind(kind).label,
            "current": current,
            "elements": elements_for(kind),
        },
        status=400 if request.method == "POST" else 200,
    )
