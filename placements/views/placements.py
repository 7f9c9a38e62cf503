from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, DecimalField, Prefetch, Q, Sum, Value, When, Window
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from placements import services
from placements.forms import DuoForm, HoursForm, PlacementForm, TerminateForm
from placements.models import (
    Host,
    HostKind,
    Placement,
    PlacementPlan,
    PlacementState,
    PlacementWorkplaceSupervisor,
    Student,
    WorkplaceSupervisor,
)
from placements.services import hours_link_days
from placements.views.common import staff_of
from stagebeheer.history import history_of
from stagebeheer.navigation import panels_for_slot
from stagebeheer.params import optional_id
from stagebeheer.permissions import department_ids, editable_or_403, visible_or_404

HOURS_SHOWN = 30

DETAIL_RELATED = (
    "student",
    "student__mentor",
    "plan",
    "plan__department",
    "host",
    "school_supervisor",
    "school_trainer",
    "replaces__host",
    "duo_partner__student",
)


def can_see_support_needs(user, placement) -> bool:
    """Support needs: only the coordinator and the student's own supervisor."""
    if user.is_superuser:
        return True
    if placement.plan.department_id in department_ids(user, ["coordinator"]):
        return True
    return placement.school_supervisor_id == user.pk


@login_required
def placement_detail(request, pk):
    placement = visible_or_404(
        Placement.objects.select_related(*DETAIL_RELATED).prefetch_related(
            # One query each: the supervisors joined to their links, the hosts to the replacements.
            Prefetch(
                "supervisor_links",
                PlacementWorkplaceSupervisor.objects.select_related("workplace_supervisor"),
            ),
            Prefetch("replacements", Placement.objects.select_related("host")),
        ),
        request.user,
        pk=pk,
    )
    can_edit = placement.plan.department_id in department_ids(request.user, ["coordinator"]) or (
        request.user.is_superuser
    )
    # Totals in SQL; the page lists only the latest entries, so a long lwt
    # with hundreds of days stays as quick as a two-week stage.
    entries, totals = _latest_hours(placement)
    done, confirmed = totals["done"], totals["confirmed"]
    required = placement.plan.min_hours
    duo_candidates = None
    if can_edit and not placement.duo_partner_id:
        duo_candidates = _duo_candidates(placement)
    return render(
        request,
        "placements/placement_detail.html",
        {
            "placement": placement,
            "can_edit": can_edit,
            "show_support": can_see_support_needs(request.user, placement),
            "minor": placement.student.is_minor_on(placement.start_date),
            "links": placement.supervisor_links.all(),
            "entries": entries,
            "entries_total": totals["n"],
            "entries_shown": HOURS_SHOWN,
            "hours_done": done,
            "hours_confirmed": confirmed,
            "hours_required": required,
            "host_kinds": [HostKind(k).label for k in placement.host_kinds if k in HostKind.values],
            "terminate_form": TerminateForm(),
            "hours_form": HoursForm(),
            "duo_form": DuoForm(candidates=duo_candidates) if duo_candidates is not None else None,
            "missed_hours": services.missed_hours(placement) if placement.state == "terminated" else None,
            "panels": panels_for_slot("placement_detail", request, placement),
            "history": history_of(placement)[:15],
        },
    )


def _latest_hours(placement):
    """The latest lines and the totals of the counted (not rejected) ones in one
    query: window sums over all of the placement's lines ride on each row."""
    counted = Q(rejected_at__isnull=True)
    hours = DecimalField(max_digits=8, decimal_places=2)

    def total(condition):
        return Window(Sum(Case(When(condition, then="hours"), default=Value(Decimal(0)), output_field=hours)))

    entries = list(
        placement.hours_entries.annotate(
            total_done=total(counted),
            total_confirmed=total(counted & Q(confirmed_at__isnull=False)),
            total_n=Window(Count(Case(When(counted, then=1)))),
        ).order_by("-date", "-pk")[:HOURS_SHOWN]
    )
    if not entries:
        return [], {"done": Decimal(0), "confirmed": Decimal(0), "n": 0}
    first = entries[0]
    return entries, {"done": first.total_done, "confirmed": first.total_confirmed, "n": first.total_n}


def _duo_candidates(placement):
    return (
        Placement.objects.filter(
            host_id=placement.host_id,
            school_supervisor_id=placement.school_supervisor_id,
            duo_partner__isnull=True,
            plan__department_id=placement.plan.department_id,
            # Only placements of the same weeks can be a duo.
            start_date__lte=placement.end_date,
            end_date__gte=placement.start_date,
        )
        .exclude(pk=placement.pk)
        .exclude(state="terminated")
        .select_related("student")
    )


def _form_kwargs(plan, user, schedule, editing=False):
    departments = [plan.department_id]
    hosts = Host.objects.visible_to(user).filter(school_id=plan.department.school_id)
    return dict(
        students=Student.objects.visible_to(user).filter(department_id=plan.department_id),
        hosts=hosts,
        supervisors=WorkplaceSupervisor.objects.filter(host__in=hosts, is_active=True).select_related("host"),
        school_supervisors=staff_of(departments, "supervisor"),
        schedule=schedule,
        editing=editing,
        plan_kind=plan.kind,
    )


def _render_form(request, form, plan, placement=None, result=None, replaces=None):
    return render(
        request,
        "placements/placement_form.html",
        {
            "form": form,
            "plan": plan,
            "placement": placement,
            "result": result,
            "replaces": replaces,
            # Other apps warn here, e.g. that saving voids the signed agreement.
            "panels": panels_for_slot("placement_form", request, placement) if placement else [],
        },
    )


@login_required
def placement_create(request, plan_pk):
    plan = editable_or_403(PlacementPlan.objects.select_related("department"), request.user, pk=plan_pk)
    replaces = None
    replaces_pk = optional_id(request.GET, "replaces") or optional_id(request.POST, "replaces")
    initial = {"carried_over_hours": 0}
    if replaces_pk:
        replaces = (
            Placement.objects.editable_by(request.user)
            .filter(pk=replaces_pk, plan=plan, state="terminated")
            .select_related("student", "host")
            .first()
        )
        if replaces is None:
            raise Http404
        initial.update(
            student=replaces.student_id,
            carried_over_hours=services.missed_hours(replaces),
            school_supervisor=replaces.school_supervisor_id,
        )
    elif optional_id(request.GET, "student"):
        initial["student"] = optional_id(request.GET, "student")
    if optional_id(request.GET, "host"):
        initial["host"] = optional_id(request.GET, "host")
    form = PlacementForm(
        request.POST or None, initial=initial, **_form_kwargs(plan, request.user, plan.default_schedule)
    )
    result = None
    if request.method == "POST" and form.is_valid():
        values = form.values()
        values["plan"] = plan
        values["replaces"] = replaces
        placement, result = services.create_placement(
            values,
            supervisors=form.cleaned_data["workplace_supervisors"],
            primary=form.cleaned_data.get("primary_supervisor"),
            actor=request.user,
            accept_warnings=form.cleaned_data["accept_warnings"],
        )
        if placement is not None:
            messages.success(request, _("De stage is aangemaakt als concept."))
            return redirect("placements:placement_detail", pk=placement.pk)
    return _render_form(request, form, plan, result=result, replaces=replaces)


@login_required
def placement_edit(request, pk):
    placement = editable_or_403(
        Placement.objects.select_related("plan__department", "student", "host"), request.user, pk=pk
    )
    if placement.state in ("completed", "terminated"):
        messages.error(request, _("Een afgeronde of beëindigde stage wijzigt u niet meer."))
        return redirect("placements:placement_detail", pk=placement.pk)
    links = list(placement.supervisor_links.all())
    initial = {
        "student": placement.student_id,
        "host": placement.host_id,
        "school_supervisor": placement.school_supervisor_id,
        "school_trainer": placement.school_trainer_id,
        "start_date": placement.start_date,
        "end_date": placement.end_date,
        "host_kinds": placement.host_kinds,
        "activities": placement.activities,
        "work_location": placement.work_location,
        "allowance_per_month": placement.allowance_per_month,
        "travel_allowance": placement.travel_allowance,
        "carried_over_hours": placement.carried_over_hours,
        "notes": placement.notes,
        "workplace_supervisors": [link.workplace_supervisor_id for link in links],
        "primary_supervisor": next((link.workplace_supervisor_id for link in links if link.is_primary), None),
    }
    form = PlacementForm(
        request.POST or None,
        initial=initial,
        **_form_kwargs(placement.plan, request.user, placement.schedule, editing=True),
    )
    result = None
    if request.method == "POST" and form.is_valid():
        values = form.values()
        values.pop("student", None)
        changed, result = services.edit_placement(
            placement,
            values,
            supervisors=form.cleaned_data["workplace_supervisors"],
            primary=form.cleaned_data.get("primary_supervisor"),
            actor=request.user,
            accept_warnings=form.cleaned_data["accept_warnings"],
        )
        if changed is not None:
            messages.success(request, _("De stage is opgeslagen."))
            return redirect("placements:placement_detail", pk=placement.pk)
    return _render_form(request, form, placement.plan, placement=placement, result=result)


@login_required
@require_POST
def placement_terminate(request, pk):
    placement = editable_or_403(Placement.objects, request.user, pk=pk)
    form = TerminateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vul de datum en de reden van de beëindiging in."))
        return redirect("placements:placement_detail", pk=placement.pk)
    try:
        services.terminate(
            placement,
            on=form.cleaned_data["terminated_on"],
            reason=form.cleaned_data["reason"],
            actor=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("placements:placement_detail", pk=placement.pk)
    messages.success(request, _("De stage is beëindigd. Plan zo nodig een vervangende stage."))
    return redirect("placements:placement_detail", pk=placement.pk)


@login_required
@require_POST
def placement_complete(request, pk):
    placement = editable_or_403(Placement.objects, request.user, pk=pk)
    try:
        services.complete(placement, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De stage is afgerond."))
    return redirect("placements:placement_detail", pk=placement.pk)


@login_required
@require_POST
def placement_duo(request, pk):
    placement = editable_or_403(Placement.objects.select_related("plan"), request.user, pk=pk)
    form = DuoForm(request.POST, candidates=_duo_candidates(placement))
    if not form.is_valid():
        messages.error(request, _("Kies een stage bij hetzelfde bedrijf en met dezelfde stagebegeleider."))
        return redirect("placements:placement_detail", pk=placement.pk)
    try:
        services.pair_duo(placement, form.cleaned_data["partner"], actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De duo-stage is vastgelegd."))
    return redirect("placements:placement_detail", pk=placement.pk)


@login_required
@require_POST
def placement_unpair(request, pk):
    placement = editable_or_403(Placement.objects, request.user, pk=pk)
    services.unpair_duo(placement, actor=request.user)
    messages.success(request, _("Het duo is opgeheven."))
    return redirect("placements:placement_detail", pk=placement.pk)


@login_required
@require_POST
def placement_add_hours(request, pk):
    """Staff enter hours for the student (for example from a paper list)."""
    placement = visible_or_404(Placement.objects.select_related("plan"), request.user, pk=pk)
    if not Placement.objects.supervised_by(request.user).filter(pk=placement.pk).exists():
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    form = HoursForm(request.POST, placement=placement)
    if form.is_valid():
        d = form.cleaned_data
        try:
            entry = services.add_hours(
                placement,
                day=d["date"],
                hours=d["hours"],
                start=d["start_time"],
                end=d["end_time"],
                description=d["description"],
                source="staff",
                actor=request.user,
                submission=d["submission"],  # a double click stores one row, as on the student's link
            )
        except services.ImpossibleHoursError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, _("De uren zijn toegevoegd."))
            for problem in entry.problems:
                messages.warning(request, problem)
    else:
        errors = [e for errs in form.errors.values() for e in errs]
        messages.error(request, " ".join(errors))
    return redirect("placements:placement_detail", pk=placement.pk)


def total_hours(placement_ids):
    return dict(
        Placement.objects.filter(pk__in=placement_ids)
        .annotate(
            done=Sum(
                "hours_entries__hours",
                filter=Q(hours_entries__confirmed_at__isnull=False, hours_entries__rejected_at__isnull=True),
            )
        )
        .values_list("pk", "done")
    )


@login_required
@require_POST
def placement_send_hours_link(request, pk, who):
    """Mail the student a link to enter hours, or the primary workplace supervisor one to confirm them."""
    from stagebeheer.mail import queue_mail
    from stagebeheer.models import AccessLink

    placement = editable_or_403(
        Placement.objects.select_related("student", "host", "plan__department").prefetch_related(
            "supervisor_links__workplace_supervisor"
        ),
        request.user,
        pk=pk,
    )
    if who == "student":
        name, email, purpose = placement.student.full_name, placement.student.email, "placements-hours"
    else:
        supervisor = placement.primary_workplace_supervisor
        name, email = (supervisor.name, supervisor.email) if supervisor else ("", "")
        purpose = "placements-hours-confirm"
    if not email:
        messages.error(request, _("Er is geen e-mailadres bekend om de link naar te sturen."))
        return redirect("placements:placement_detail", pk=placement.pk)
    if placement.state == PlacementState.TERMINATED or hours_link_days(placement) <= 0:
        messages.error(request, _("Deze stage is voorbij; er kunnen geen uren meer worden ingevuld."))
        return redirect("placements:placement_detail", pk=placement.pk)
    link, _token = AccessLink.issue(
        purpose=purpose,
        target=placement,
        recipient_name=name,
        recipient_email=email,
        department=placement.plan.department,
        created_by=request.user,
        days=hours_link_days(placement),
    )
    queue_mail(
        to_email=email,
        to_name=name,
        subject=_("Urenregistratie stage bij %(host)s") % {"host": placement.host.name},
        template="placements/mail/hours_" + ("entry" if who == "student" else "confirm"),
        context={"placement": placement, "url": link.mail_url, "link": link},
        related=placement,
        department=placement.plan.department,
    )
    messages.success(request, _("De link is verstuurd naar %(email)s.") % {"email": email})
    return redirect("placements:placement_detail", pk=placement.pk)
