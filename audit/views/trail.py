import csv
import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.access import require_admin
from audit.forms import READS, TrailSearchForm
from audit.history import lines_for, sentence, with_previous
from audit.models import ReadEvent, ReadKind
from audit.models.events import TRACKED
from audit.reads import record_read

EXPORT_LIMIT = 10000


def _day_bounds(day, end=False):
    moment = datetime.datetime.combine(day + datetime.timedelta(days=1) if end else day, datetime.time())
    return timezone.make_aware(moment)


def _events(form):
    entry = TRACKED[form.cleaned_data["kind"]]
    events = entry.event_model.objects.all()
    data = form.cleaned_data
    if data.get("user"):
        events = events.filter(pgh_context__user=data["user"].pk)
    if data.get("record"):
        events = events.filter(pgh_obj_id=data["record"])
    if data.get("date_from"):
        events = events.filter(pgh_created_at__gte=_day_bounds(data["date_from"]))
    if data.get("date_to"):
        events = events.filter(pgh_created_at__lt=_day_bounds(data["date_to"], end=True))
    return entry, with_previous(entry, events).order_by("-pgh_id")


def _reads(form):
    data = form.cleaned_data
    reads = ReadEvent.objects.select_related("user", "content_type")
    if data.get("user"):
        reads = reads.filter(user=data["user"])
    if data.get("record"):
        reads = reads.filter(object_id=data["record"])
    if data.get("date_from"):
        reads = reads.filter(at__gte=_day_bounds(data["date_from"]))
    if data.get("date_to"):
        reads = reads.filter(at__lt=_day_bounds(data["date_to"], end=True))
    return reads


def _csv(rows, header):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audittrail.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return response


@login_required
def trail(request):
    """Administrators search every change and every read by person, record and period, and export it."""
    require_admin(request.user)
    form = TrailSearchForm(request.GET or None)
    context = {"form": form, "rows": [], "reads": None, "page": None}
    if not form.is_valid():
        return render(request, "audit/trail.html", context)
    export = request.GET.get("export") == "csv"
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    context["query"] = query.urlencode()
    if form.cleaned_data["kind"] == READS:
        reads = _reads(form)
        if export:
            record_read(request, None, ReadKind.TRAIL_EXPORT, label=_("inzages"))
            return _csv(
                (
                    [
                        r.at.isoformat(),
                        r.who,
                        r.get_kind_display(),
                        r.content_type.model,
                        r.object_id,
                        r.label,
                    ]
                    for r in reads[:EXPORT_LIMIT]
                ),
                [_("tijdstip"), _("door"), _("wat"), _("soort"), _("record"), _("omschrijving")],
            )
        context["page"] = Paginator(reads, 50).get_page(request.GET.get("page"))
        context["reads"] = context["page"]
        return render(request, "audit/trail.html", context)
    entry, events = _events(form)
    if export:
        record_read(request, None, ReadKind.TRAIL_EXPORT, label=entry.key)
        rows = []
        for line in lines_for(entry, events[:EXPORT_LIMIT]):
            for text in sentence(line):
                rows.append([line.at.isoformat(), line.who, line.action, line.record, text])
        return _csv(rows, [_("tijdstip"), _("door"), _("actie"), _("record"), _("wijziging")])
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    context["page"] = page
    context["rows"] = [{"line": line, "sentences": sentence(line)} for line in lines_for(entry, page)]
    context["entry"] = entry
    return render(request, "audit/trail.html", context)
