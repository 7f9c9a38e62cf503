"""Emailed links for hours: the student enters hours, the workplace supervisor
confirms them per week. Neither has an account."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from placements import services
from placements.forms import HoursForm
from placements.models import Placement
from stagebeheer.links import LinkHandler, register, target_of


def _placement(link):
    return Placement.objects.select_related("student", "host", "plan").get(pk=link.object_id)


@register
class HoursEntryLink(LinkHandler):
    """Stays open until it expires: the student comes back every week."""

    purpose = "placements-hours"
    label = _("uren invullen")

    def placement_for(self, link):
        return target_of(link)

    def _page(self, request, link, form):
        placement = _placement(link)
        entries = list(placement.hours_entries.all())
        return render(
            request,
            "placements/links/hours_entry.html",
            {
                "link": link,
                "placement": placement,
                "entries": entries,
                "form": form,
                "total": sum((e.hours for e in entries), 0),
            },
        )

    def get(self, request, link):
        return self._page(request, link, HoursForm())

    def post(self, request, link):
        placement = _placement(link)
        form = HoursForm(request.POST, placement=placement)
        if not form.is_valid():
            return self._page(request, link, form)
        d = form.cleaned_data
        # A double submit carries the same form key: the unique index stores it
        # once. A post without a key (an old page) falls back to comparing rows.
        if d["submission"] is None and placement.hours_entries.filter(
            date=d["date"], hours=d["hours"], start_time=d["start_time"], description=d["description"]
        ).exists():
            messages.success(request, _("Je uren zijn opgeslagen."))
            return redirect(request.path)
        services.add_hours(
            placement,
            day=d["date"],
            hours=d["hours"],
            start=d["start_time"],
            end=d["end_time"],
            description=d["description"],
            source="student",
            submission=d["submission"],
        )
        messages.success(request, _("Je uren zijn opgeslagen."))
        return redirect(request.path)


@register
class HoursConfirmLink(LinkHandler):
    purpose = "placements-hours-confirm"
    label = _("uren bevestigen")

    def placement_for(self, link):
        return target_of(link)

    def get(self, request, link):
        placement = _placement(link)
        weeks: dict = {}
        for entry in placement.hours_entries.all():
            monday = entry.date - timedelta(days=entry.date.weekday())
            weeks.setdefault(monday, []).append(entry)
        rows = [
            {
                "monday": m,
                "entries": e,
                "total": sum((x.hours for x in e), 0),
                "open": any(x.confirmed_at is None for x in e),
            }
            for m, e in sorted(weeks.items())
        ]
        return render(
            request,
            "placements/links/hours_confirm.html",
            {"link": link, "placement": placement, "weeks": rows},
        )

    def post(self, request, link):
        from stagebeheer.params import optional_date

        placement = _placement(link)
        monday = optional_date(request.POST, "week")
        if monday is None:
            messages.error(request, _("Deze week bestaat niet."))
            return redirect(request.path)
        count = services.confirm_week(placement, monday, link.recipient_name)
        if count:
            messages.success(request, _("De uren van deze week zijn bevestigd. Dank u wel."))
        else:
            messages.info(request, _("Deze week was al bevestigd."))
        return redirect(request.path)
