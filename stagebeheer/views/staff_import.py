"""Staff import: upload → map columns and preview → invite. Like the student
import, the parsed file waits in the session, so nothing is stored before the
last step; the invitations go through the team page's service."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from stagebeheer import staff_import, table_import, team
from stagebeheer.forms import ImportUploadForm
from stagebeheer.history import line, record
from stagebeheer.params import optional_id

SESSION_KEY = "staff-import"


def _require_team_manager(user):
    if not user.is_superuser and not team.managed_department_ids(user):
        raise PermissionDenied


def _remembered(school_id):
    # The student import's memory of a school's columns (placements.ImportMapping),
    # under its own kind; read lazily, the core does not load placements.
    ImportMapping = apps.get_model("placements", "ImportMapping")
    return ImportMapping.objects.filter(school_id=school_id, kind=staff_import.KIND).first()


@login_required
def upload(request):
    _require_team_manager(request.user)
    departments = staff_import.managed_departments(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        chosen = optional_id(request.POST, "department")
        default = departments.filter(pk=chosen).first() if chosen else None
        file = form.cleaned_data["file"]
        try:
            header, rows = table_import.read_table(file.name, file.read())
        except table_import.UnreadableFileError as exc:
            form.add_error("file", _("Niets geïmporteerd. %(reason)s") % {"reason": exc})
        else:
            school_id = (default or departments.first()).school_id
            remembered = _remembered(school_id)
            request.session[SESSION_KEY] = {
                "name": file.name[:100],
                "header": header,
                "rows": rows,
                "department": default.pk if default else None,
                "school": school_id,
                "mapping": table_import.guess_columns(
                    staff_import.COLUMNS, header, remembered.columns if remembered else None
                ),
            }
            return redirect("team_import_map")
    if request.method == "POST":
        status = 400
    return render(
        request,
        "stagebeheer/team/import_upload.html",
        {"form": form, "departments": departments, "columns": staff_import.COLUMNS},
        status=status,
    )


def _pending(request):
    _require_team_manager(request.user)
    data = request.session.get(SESSION_KEY)
    if not data:
        return None, None
    wanted = data.get("department")
    default = staff_import.managed_departments(request.user).filter(pk=wanted).first() if wanted else None
    return data, default


@login_required
def column_map(request):
    data, default = _pending(request)
    if not data:
        messages.info(request, _("Kies eerst een bestand."))
        return redirect("team_import")
    header, rows, columns = data["header"], data["rows"], staff_import.COLUMNS
    posted = (
        table_import.mapping_from_post(request.POST, columns, header) if request.method == "POST" else None
    )
    mapping = posted or data["mapping"]
    if mapping != data["mapping"]:
        data["mapping"] = mapping
        request.session.modified = True
    missing = table_import.missing_columns(columns, mapping)
    results = [] if missing else staff_import.validate_staff(rows, mapping, request.user, default)
    bad = [r for r in results if r.errors]
    if request.method == "POST" and request.POST.get("confirm") and not missing:
        # Taken from the session first: a second confirm finds no file.
        del request.session[SESSION_KEY]
        return _confirm(request, data, results, bad, mapping)
    return render(
        request,
        "stagebeheer/team/import_map.html",
        {
            "name": data["name"],
            "header": list(enumerate(header)),
            "columns": table_import.mapping_choices(columns, mapping),
            "missing": missing,
            "preview": results[:50],
            "bad": bad,
            "good_count": len([r for r in results if not r.errors and not r.skip]),
            "total": len(rows),
            "default": default,
        },
    )


def _confirm(request, data, results, bad, mapping):
    request.session.save()
    invited, skipped, refused = staff_import.import_staff(results, request.user)
    ImportMapping = apps.get_model("placements", "ImportMapping")
    ImportMapping.objects.update_or_create(
        school_id=data["school"],
        kind=staff_import.KIND,
        defaults={"columns": table_import.mapping_by_name(mapping, data["header"])},
    )
    for department in {r.department_id for r in results if not r.errors and not r.skip}:
        record(
            staff_import.managed_departments(request.user).get(pk=department),
            action="import:staff",
            summary=line(gettext_noop("%(file)s: %(n)s uitnodigingen"), file=data["name"], n=invited),
            actor=request.user,
        )
    return render(
        request,
        "stagebeheer/team/import_done.html",
        {"invited": invited, "skipped": skipped, "bad": bad + refused, "name": data["name"]},
    )


@login_required
@require_POST
def cancel(request):
    _require_team_manager(request.user)
    request.session.pop(SESSION_KEY, None)
    return redirect("team")
