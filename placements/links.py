"""Emailed links for hours: the student enters hours, the workplace supervisor
confirms them per week. Neither has an account."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from placements import services
from placements.forms import HoursForm
from placements.models import HoursEntry, Placement
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

    def _page(self, request, link, form, status=200):
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
                "total": sum((e.hours for e in entries if e.rejected_at is None), 0),
            },
            status=status,
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
        if (
            d["submission"] is None
            and placement.hours_entries.filter(
                date=d["date"], hours=d["hours"], start_time=d["start_time"], description=d["description"]
            ).exists()
        ):
            messages.success(request, _("Je uren zijn opgeslagen."))
            return redirect(request.path)
        try:
            entry = services.add_hours(
                placement,
                day=d["date"],
                hours=d["hours"],
                start=d["start_time"],
                end=d["end_time"],
                description=d["description"],
                source="student",
                submission=d["submission"],
            )
        except services.ImpossibleHoursError as refused:
            for message in refused.messages:
                form.add_error(None, message)
            return self._page(request, link, form, status=400)
        messages.success(request, _("Je uren zijn opgeslagen."))
        if entry.problems:
            messages.warning(
                request,
                _("Let op: %(problems)s Je praktijkbegeleider en de stagecoördinator zien dit ook.")
                % {"problems": " ".join(entry.problems)},
            )
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
                "total": sum((x.hours for x in e if x.rejected_at is None), 0),
                "open": any(x.is_open for x in e),
                "flagged": any(x.problems and x.rejected_at is None for x in e),
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

    def _entry(self, request, link):
        """The open line named in the post, of this link's placement only."""
        value = request.POST.get("entry", "")
        if not value.isdigit() or len(value) > 12:
            return None
        return (
            HoursEntry.objects.filter(pk=int(value), placement_id=link.object_id)
            .select_related("placement__student", "placement__plan")
            .first()
        )

    def post_reject(self, request, link):
        entry = self._entry(request, link)
        reason = (request.POST.get("reason") or "").strip()
        if entry is None:
            messages.error(request, _("Deze urenregel bestaat niet."))
        elif not reason or len(reason) > 300:
            messages.error(request, _("Schrijf in hoogstens 300 tekens waarom u deze regel afwijst."))
        elif services.reject_hours(entry, by=link.recipient_name, reason=reason):
            messages.success(request, _("De regel is afgewezen; de leerling ziet waarom."))
        else:
            messages.info(request, _("Deze regel was al bevestigd of afgewezen."))
        return redirect("../")

    def post_correct(self, request, link):
        from decimal import Decimal, InvalidOperation

        entry = self._entry(request, link)
        try:
            hours = Decimal((request.POST.get("hours") or "").replace(",", ".")[:8])
        except InvalidOperation:
            hours = None
        if entry is None:
            messages.error(request, _("Deze urenregel bestaat niet."))
        elif (
            hours is None
            or not hours.is_finite()
            or not (Decimal("0.25") <= hours <= 24)
            or hours % Decimal("0.25")
        ):
            messages.error(request, _("Vul een aantal uren in tussen 0,25 en 24, in kwartieren."))
        else:
            try:
                done = services.correct_hours(entry, hours=hours, by=link.recipient_name)
            except services.ImpossibleHoursError as refused:
                messages.error(request, " ".join(refused.messages))
            else:
                if done:
                    messages.success(request, _("De uren zijn gecorrigeerd."))
                else:
                    messages.info(request, _("Deze regel was al bevestigd of afgewezen."))
        return redirect("../")


# --- wishes: the student ranks the places of a wish round ---


def _open_participant(request, link):
    """(participant, None) while the link's round is open; otherwise (None, the page saying why)."""
    participant = _participant(link)
    if participant is None:
        return None, render(request, "links/unknown.html", status=404)
    if not participant.round.is_open:
        page = render(
            request,
            "placements/links/wishes_closed.html",
            {"link": link, "round": participant.round},
            status=410,
        )
        return None, page
    return participant, None


def _participant(link):
    from placements.models import WishParticipant

    return (
        WishParticipant.objects.filter(pk=link.object_id)
        .select_related("student", "round__plan__department", "duo_with")
        .first()
    )


@register
class WishLink(LinkHandler):
    """Stays open until the round closes: the student may change the wishes until then.
    Every post replaces the wishes whole, so a double submit stores them once."""

    purpose = "placements-wishes"
    label = _("stageplaatsen kiezen")

    def placement_for(self, link):
        """The placement made from the accepted proposal; None before (a concern
        from the link then belongs to the link's department)."""
        participant = target_of(link)
        return getattr(participant, "placement", None)

    def _page(self, request, link, participant, form, status=200, own_form=None):
        from placements.wish_rounds import offered_hosts

        round_ = participant.round
        hosts = getattr(form, "hosts", None) or offered_hosts(round_)
        token = request.resolver_match.kwargs["token"]
        return render(
            request,
            "placements/links/wishes.html",
            {
                "link": link,
                "round": round_,
                "participant": participant,
                "form": form,
                "own_form": own_form or own_find_form(participant),
                "link_url": reverse("access_link", args=[token]),
                "found_url": reverse("access_link_action", args=[token, "found"]),
                "own_find": own_find_of(participant),
                "places": _filtered_places(request, hosts, participant.student.postcode),
                "sectors": sorted({h.sector for h in hosts if h.sector}),
                "wishes": list(participant.wishes.select_related("host")),
            },
            status=status,
        )

    def _form(self, participant, data=None):
        from placements.wish_forms import WishForm
        from placements.wish_rounds import offered_hosts

        round_ = participant.round
        hosts = offered_hosts(round_)
        classmates = [
            p.student
            for p in round_.participants.select_related("student").exclude(student_id=participant.student_id)
        ]
        initial = {f"wish{w.rank}": w.host_id for w in participant.wishes.all()}
        initial |= {f"motivation{w.rank}": w.motivation for w in participant.wishes.all()}
        initial["duo_with"] = participant.duo_with_id
        form = WishForm(
            data, hosts=hosts, classmates=classmates, postcode=participant.student.postcode, initial=initial
        )
        form.hosts = hosts
        return form

    def get(self, request, link):
        participant, refused = _open_participant(request, link)
        if refused:
            return refused
        return self._page(request, link, participant, self._form(participant))

    def post(self, request, link):
        from placements.wish_rounds import WishError, save_wishes

        participant, refused = _open_participant(request, link)
        if refused:
            return refused
        form = self._form(participant, request.POST)
        if not form.is_valid():
            return self._page(request, link, participant, form, status=400)
        try:
            save_wishes(
                participant,
                form.cleaned_data["wishes"],
                duo_with=form.cleaned_data["duo_with"],
                by=link.recipient_name,
            )
        except WishError as error:
            form.add_error(None, error.messages[0])
            return self._page(request, link, participant, form, status=400)
        messages.success(request, _("Je keuzes zijn opgeslagen. Je kunt ze wijzigen tot de ronde sluit."))
        return redirect(request.path)

    def post_found(self, request, link):
        """/l/<token>/found/: the student found a place themselves."""
        from placements.own_finds import submit
        from placements.wish_rounds import WishError

        participant, refused = _open_participant(request, link)
        if refused:
            return refused
        own_form = own_find_form(participant, request.POST)
        if own_form.is_valid():
            try:
                submit(participant, own_form.cleaned_data, by=link.recipient_name)
            except WishError as error:
                own_form.add_error(None, error.messages[0])
            else:
                messages.success(
                    request, _("Je eigen stageplaats is opgeslagen. De stagecoördinator bekijkt hem.")
                )
                return redirect("../")
        return self._page(request, link, participant, self._form(participant), status=400, own_form=own_form)


def own_find_of(participant):
    from placements.models import OwnFind

    return OwnFind.objects.filter(participant=participant).select_related("host").first()


def own_find_form(participant, data=None):
    """The own-find form, filled in with what the student sent before."""
    from placements.forms import OwnFindForm
    from placements.own_finds import RELATION_KINDS, choosable_hosts

    own = own_find_of(participant)
    initial = {}
    if own is not None:
        initial = {
            "contact_name": own.contact_name,
            "contact_email": own.contact_email,
            "contact_phone": own.contact_phone,
            "start_date": own.start_date,
            "end_date": own.end_date,
            "kinds": [*own.relation_kinds, *(k for k in own.host.kinds if k not in RELATION_KINDS)],
        }
        if own.new_host:
            initial |= {f: getattr(own.host, f) for f in ("name", "address", "postcode", "city", "sector")}
        else:
            initial["host"] = own.host_id
    return OwnFindForm(data, hosts=choosable_hosts(participant), round_=participant.round, initial=initial)


def _filtered_places(request, hosts, postcode):
    """The places table on the wish page, filtered by sector and distance (GET only)."""
    from placements.distance import describe, sort_km

    sector = (request.GET.get("sector") or "")[:100]
    try:
        max_km = int(request.GET.get("km") or 0)
    except ValueError:
        max_km = 0
    max_km = max(0, min(max_km, 500))
    rows = []
    for host in hosts:
        distance = describe(postcode, host.postcode)
        if sector and host.sector != sector:
            continue
        if max_km and (distance is None or distance["max_km"] > max_km):
            continue
        rows.append({"host": host, "distance": distance, "sort": sort_km(postcode, host.postcode)})
    rows.sort(key=lambda r: (r["sort"], r["host"].name))
    return {"rows": rows, "sector": sector, "km": max_km or ""}
