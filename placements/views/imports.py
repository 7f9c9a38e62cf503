"""Upload → map columns and preview → import. The parsed file waits in the
session between the steps, so nothing touches the tables before the last one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from placements import importing
from placements.forms import ImportUploadForm
from placements.models import Host, ImportMapping
from placements.views.common import table_response
from stagebeheer import table_import
from stagebeheer.history import line, record
from stagebeheer.params import optional_id
from stagebeheer.permissions import coordinator_departments, require_coordinator

LAST_DEPARTMENT = "placements-import-department"


def _session_key(kind):
    return f"placements-import-{kind}"


def _check_kind(kind):
    if kind not in importing.KINDS:
        raise Http404


@login_required
def import_upload(request, kind):
    _check_kind(kind)
    require_coordinator(request.user)
    departments = coordinator_departments(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        chosen = optional_id(request.POST, "department")
        department = (departments.filter(pk=chosen).first() if chosen else None) or departments.first()
        try:
            header, rows = importing.read_table(upload.name, upload.read())
        except importing.UnreadableFileError as exc:
            form.add_error("file", _("Niets geïmporteerd. %(reason)s") % {"reason": exc})
        else:
            remembered = ImportMapping.objects.filter(school_id=department.school_id, kind=kind).first()
            request.session[_session_key(kind)] = {
                "name": upload.name[:100],
                "header": header,
                "rows": rows,
                "department": department.pk,
                "mapping": importing.guess_mapping(kind, header, remembered.columns if remembered else None),
            }
            request.session[LAST_DEPARTMENT] = department.pk
            return redirect("placements:import_map", kind=kind)
    return render(
        request,
        "placements/import_upload.html",
        {
            "form": form,
            "kind": kind,
            "departments": departments,
            "selected": _default_department(request, departments),
            "columns": importing.KINDS[kind],
        },
    )


def _default_department(request, departments):
    """The department asked for (?department=), else the one imported into last,
    else the coordinator's first — never silently another one."""
    for wanted in (optional_id(request.GET, "department"), request.session.get(LAST_DEPARTMENT)):
        if isinstance(wanted, int) and departments.filter(pk=wanted).exists():
            return wanted
    first = departments.first()
    return first.pk if first else None


def _pending(request, kind):
    _check_kind(kind)
    require_coordinator(request.user)
    data = request.session.get(_session_key(kind))
    department = coordinator_departments(request.user).filter(pk=(data or {}).get("department") or 0).first()
    return data, department


def _mapping_from(request, kind, header):
    if request.method != "POST":
        return None
    return table_import.mapping_from_post(request.POST, importing.KINDS[kind], header)


def _validate(kind, rows, mapping, department):
    if kind == "students":
        return importing.validate_students(rows, mapping, department)
    return importing.validate_hosts(rows, mapping, department.school)


@login_required
def import_map(request, kind):
    data, department = _pending(request, kind)
    if not data or department is None:
        messages.info(request, _("Kies eerst een bestand."))
        return redirect("placements:import_upload", kind=kind)
    header, rows = data["header"], data["rows"]
    # The mapping chosen on screen lives in the session, so a reload keeps it.
    mapping = (
        _mapping_from(request, kind, header) or data.get("mapping") or importing.guess_mapping(kind, header)
    )
    if mapping != data.get("mapping"):
        data["mapping"] = mapping
        request.session.modified = True
    missing = table_import.missing_columns(importing.KINDS[kind], mapping)
    results = [] if missing else _validate(kind, rows, mapping, department)
    bad = [r for r in results if r.errors]
    if request.method == "POST" and request.POST.get("confirm") and not missing:
        if kind == "students":
            created, updated = importing.import_students(results, department)
        else:
            created, updated = importing.import_hosts(results, department.school)
        record(
            department,
            action=f"import:{kind}",
            summary=line(
                gettext_noop("%(file)s: %(c)s nieuw, %(u)s bijgewerkt, %(b)s afgewezen"),
                file=data["name"],
                c=created,
                u=updated,
                b=len(bad),
            ),
            actor=request.user,
        )
        ImportMapping.objects.update_or_create(
            school_id=department.school_id,
            kind=kind,
            defaults={"columns": importing.mapping_by_name(mapping, header)},
        )
        del request.session[_session_key(kind)]
        return render(
            request,
            "placements/import_done.html",
            {"kind": kind, "created": created, "updated": updated, "bad": bad, "name": data["name"]},
        )
    columns = table_import.mapping_choices(importing.KINDS[kind], mapping)
    return render(
        request,
        "placements/import_map.html",
        {
            "kind": kind,
            "name": data["name"],
            "header": list(enumerate(header)),
            "columns": columns,
            "missing": missing,
            "preview": results[:10],
            "bad": bad,
            "good_count": len(results) - len(bad),
            "total": len(rows),
            "department": department,
        },
    )


@login_required
@require_POST
def import_cancel(request, kind):
    _check_kind(kind)
    # Like every import step, a coordinator's (the access matrix found it open to all staff).
    require_coordinator(request.user)
    request.session.pop(_session_key(kind), None)
    return redirect("placements:student_list" if kind == "students" else "placements:host_list")


@login_required
def host_export(request):
    from placements.views.hosts import filtered_hosts

    require_coordinator(request.user)
    header, rows = importing.export_rows("hosts", filtered_hosts(request).order_by("name"))
    fmt = request.GET.get("format", "csv")
    return table_response("stagebedrijven", header, rows, fmt)


__all__ = ["Host"]
