"""The dashboard for school leaders (all their departments) and coordinators (their own)."""

import csv
import re
from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from evaluations.figures import current_school_year, dashboard, previous_year
from placements.models import PlacementPlan
from stagebeheer.models import Department
from stagebeheer.scoping import department_ids, has_role

YEAR = re.compile(r"^20[0-9]{2}-20[0-9]{2}$")
ROLES = ["leader", "coordinator"]


def _scope(request):
    """(department ids, chosen department or None, year, all departments in scope)."""
    user = request.user
    if user.is_superuser:
        scope = list(Department.objects.values_list("pk", flat=True))
    else:
        scope = department_ids(user, ROLES)
    if not scope:
        raise PermissionDenied
    departments = list(Department.objects.filter(pk__in=scope).order_by("name"))
    chosen = None
    raw = request.GET.get("department", "")
    if raw:
        if not raw.isdigit() or int(raw) not in scope:
            raise Http404
        chosen = next(d for d in departments if d.pk == int(raw))
    ids = [chosen.pk] if chosen else scope
    year = request.GET.get("year", "")
    if not YEAR.match(year) or int(year[5:]) != int(year[:4]) + 1:
        latest = (
            PlacementPlan.objects.filter(department_id__in=ids)
            .order_by("-school_year")
            .values_list("school_year", flat=True)
            .first()
        )
        year = latest or current_school_year()
    return ids, chosen, year, departments


def _links(user):
    links = {"placements": reverse("placements:overview")}
    if user.is_superuser or has_role(user, "coordinator"):
        links["guidance"] = reverse("visits:overview")
    return links


def _with_bars(sections):
    """Bar widths for the tables drawn as a chart (the table itself stays for screen readers)."""
    for section in sections:
        tables = section["tables"] if isinstance(section, dict) else section.tables
        for table in tables:
            if not table.get("chart"):
                continue
            top = max([max(r[1], r[2]) for r in table["rows"]] or [0]) or 1
            table["bars"] = [
                {
                    "label": r[0],
                    "value": r[1],
                    "previous": r[2],
                    "w": round(300 * r[1] / top),
                    "wp": round(300 * r[2] / top),
                    "y": 28 * i,
                }
                for i, r in enumerate(table["rows"])
            ]
            table["height"] = 28 * len(table["rows"])
    return sections


@login_required
def dashboard_page(request):
    ids, chosen, year, departments = _scope(request)
    sections = _with_bars(dashboard(ids, year, _links(request.user)))
    query = f"year={year}" + (f"&department={chosen.pk}" if chosen else "")
    first = int(year[:4])
    return render(
        request,
        "evaluations/dashboard.html",
        {
            "sections": sections,
            "year": year,
            "previous": previous_year(year),
            "years": [f"{y}-{y + 1}" for y in range(first + 1, first - 4, -1)],
            "department": chosen,
            "departments": departments,
            "query": query,
        },
    )


def _rows(sections, year, prev):
    yield [_("Onderdeel"), _("Gegeven"), year, prev]
    for section in sections:
        for f in section.figures:
            yield [section.title, f.label, f.value, f.previous]
        for table in section.tables:
            yield [section.title, table["title"], *table["columns"]]
            for row in table["rows"]:
                yield [section.title, "", *row]
        if section.empty:
            yield [section.title, section.empty]


def _clean(value):
    """Spreadsheet programs run cells that start with = + - @ as formulas."""
    if value is None:
        return ""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@") and not re.match(r"^-?[0-9.,]+$", text):
        return "'" + text
    return value if isinstance(value, int | float) else text


@login_required
def dashboard_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    ids, chosen, year, _departments = _scope(request)
    prev = previous_year(year)
    rows = [[_clean(v) for v in row] for row in _rows(dashboard(ids, year), year, prev)]
    name = f"dashboard-{chosen.pk if chosen else 'school'}-{year}"
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        response.write("\ufeff")  # so Excel reads UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerows(rows)
        return response
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Dashboard"
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
