"""The coordinator's overview per plan: every student with the state of their
placement, and the chase list of those without one. One query for the rows,
one for the counts, whatever the number of students."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Concat
from django.shortcuts import render

from placements import overview_export
from placements.filters import STATE_FILTERS, OverviewFilter
from placements.models import Placement, PlacementPlan, PlacementState, Student
from placements.views.common import query_without_page, staff_of, table_response
from stagebeheer.counting import count_of
from stagebeheer.params import optional_id

FILTER_KEYS = ("state", "class", "supervisor", "host", "hostname", "q")


def _plan_student_scope(plan, user):
    students = Student.objects.visible_to(user).filter(department_id=plan.department_id)
    if plan.year_group:
        students = students.filter(year_group=plan.year_group)
    return students


def plan_students(plan, user):
    """Students of the plan, each annotated with their current (not terminated) placement."""
    current = (
        Placement.objects.visible_to(user)
        .filter(plan=plan, student=OuterRef("pk"))
        .exclude(state=PlacementState.TERMINATED)
        .order_by("-start_date", "-pk")
    )
    return _plan_student_scope(plan, user).annotate(
        placement_id=Subquery(current.values("pk")[:1]),
        placement_state=Subquery(current.values("state")[:1]),
        placement_host=Subquery(current.values("host__name")[:1]),
        placement_host_id=Subquery(current.values("host_id")[:1]),
        placement_start=Subquery(current.values("start_date")[:1]),
        placement_supervisor=Subquery(current.values("school_supervisor__full_name")[:1]),
        placement_supervisor_id=Subquery(current.values("school_supervisor_id")[:1]),
        # Duo-stages are shown together: the partner's name on the row.
        # Concat turns a missing partner into " " on PostgreSQL, so only rows
        # with a partner give a name; the tussenvoegsel belongs to the name.
        placement_duo=Subquery(
            current.filter(duo_partner__isnull=False)
            .annotate(
                duo_name=Concat(
                    "duo_partner__student__first_name",
                    Value(" "),
                    Case(
                        When(duo_partner__student__last_name_prefix="", then=Value("")),
                        default=Concat("duo_partner__student__last_name_prefix", Value(" ")),
                    ),
                    "duo_partner__student__last_name",
                )
            )
            .values("duo_name")[:1]
        ),
    )


# What a row shows: loading whole rows (schedules as JSON, texts) cost more than the queries.
ROW_STUDENT_FIELDS = ("pk", "number", "first_name", "last_name_prefix", "last_name", "class_name")
ROW_PLACEMENT_FIELDS = (
    "pk",
    "student_id",
    "state",
    "start_date",
    "host__name",
    "school_supervisor__full_name",
    "duo_partner__student__first_name",
    "duo_partner__student__last_name_prefix",
    "duo_partner__student__last_name",
)


def page_rows(plan, user, student_ids):
    """The page's students with what ``plan_students`` annotates, in two plain
    queries: compiling and planning its eight subqueries cost more than running
    them (28 ms against 9 for a page of 50 on the board)."""
    students = list(
        _plan_student_scope(plan, user)
        .filter(pk__in=student_ids)
        .only(*ROW_STUDENT_FIELDS)
        .order_by("class_name", "last_name", "first_name")
    )
    current = {}
    placements = (
        overview_export.current_first(plan, user)
        .filter(student_id__in=student_ids)
        .select_related("host", "school_supervisor", "duo_partner__student")
        .only(*ROW_PLACEMENT_FIELDS)
    )
    for placement in placements:
        current.setdefault(placement.student_id, placement)  # the newest, as the subqueries take
    for student in students:
        _annotate(student, current.get(student.pk))
    return students


def _annotate(student, placement):
    """The attributes ``plan_students`` annotates, so one template serves both."""
    student.placement_id = placement.pk if placement else None
    student.placement_state = placement.state if placement else None
    student.placement_host = placement.host.name if placement and placement.host else None
    student.placement_host_id = placement.host_id if placement else None
    student.placement_start = placement.start_date if placement else None
    supervisor = placement.school_supervisor if placement else None
    student.placement_supervisor = supervisor.full_name if supervisor else None
    student.placement_supervisor_id = placement.school_supervisor_id if placement else None
    partner = placement.duo_partner if placement else None
    student.placement_duo = partner.student.full_name if partner else None


def apply_filters(rows, params):
    return OverviewFilter(params, queryset=rows).qs


def summary(plan, user):
    """The four numbers above the list: students without a placement, without a
    signed agreement, without a supervisor. Counted over placements (a student
    with any current placement in the plan), which is what the rows show except
    in the rare case of two current placements."""
    return summaries([plan], user)[plan.pk]


def with_student_totals(plans, user):
    """Plans carrying the number of their department's students the user sees, all
    and of the plan's year group, so ``summaries`` need not count them apart."""
    students = Student.objects.visible_to(user).filter(department_id=OuterRef("department_id"))
    return plans.annotate(
        students_all=count_of(students),
        students_group=count_of(students.filter(year_group=OuterRef("year_group"))),
    )


def _student_totals(plans, students):
    """{plan pk: students in scope}: from ``with_student_totals`` or one grouped query."""
    if all(hasattr(plan, "students_all") for plan in plans):
        return {plan.pk: plan.students_group if plan.year_group else plan.students_all for plan in plans}
    per_group = {
        (row["department_id"], row["year_group"]): row["n"]
        for row in students.values("department_id", "year_group").annotate(n=Count("pk")).order_by()
    }
    return {
        plan.pk: per_group.get((plan.department_id, plan.year_group), 0)
        if plan.year_group
        else sum(n for (dept, _year), n in per_group.items() if dept == plan.department_id)
        for plan in plans
    }


def summaries(plans, user):
    """``summary`` for many plans in two grouped queries (one for plans from
    ``with_student_totals``), whatever their number (the coordinator's start page
    lists a plan per row)."""
    plans = list(plans)
    if not plans:
        return {}
    students = Student.objects.visible_to(user).filter(department_id__in={p.department_id for p in plans})
    totals = _student_totals(plans, students)
    in_scope = Q(student__department_id=F("plan__department_id")) & (
        Q(plan__year_group__isnull=True) | Q(student__year_group=F("plan__year_group"))
    )
    counts = {
        row["plan"]: row
        for row in Placement.objects.visible_to(user)
        .filter(in_scope, plan__in=plans, student__in=students)
        .exclude(state=PlacementState.TERMINATED)
        .values("plan")
        .annotate(
            placed=Count("student", distinct=True),
            unsigned=Count(
                "student",
                distinct=True,
                filter=Q(state__in=[PlacementState.DRAFT, PlacementState.AGREEMENT_PENDING]),
            ),
            unsupervised=Count("student", distinct=True, filter=Q(school_supervisor__isnull=True)),
        )
        .order_by()
    }
    result = {}
    for plan in plans:
        total = totals[plan.pk]
        row = counts.get(plan.pk, {"placed": 0, "unsigned": 0, "unsupervised": 0})
        result[plan.pk] = {
            "total": total,
            "without": total - row["placed"],
            "unsigned": row["unsigned"],
            "unsupervised": row["unsupervised"],
        }
    return result


@login_required
def overview(request):
    plans = list(
        PlacementPlan.objects.visible_to(request.user)
        .select_related("department")
        .order_by("-school_year", "title")
    )
    plan = None
    plan_id = optional_id(request.GET, "plan")
    if plan_id:
        plan = next((p for p in plans if p.pk == plan_id), None)
    plan = plan or (plans[0] if plans else None)
    if plan is None:
        return render(request, "placements/overview.html", {"plan": None, "plans": []})
    filtered = any(request.GET.get(k) for k in FILTER_KEYS)
    if filtered:
        rows = apply_filters(plan_students(plan, request.user), request.GET)
    else:
        # No filter reads a placement: page the bare scope, with no subqueries to compile.
        rows = _plan_student_scope(plan, request.user)
    rows = rows.order_by("class_name", "last_name", "first_name")
    if request.GET.get("export") in ("csv", "xlsx"):
        data = overview_export.rows(plan, request.user, rows)
        return table_response(f"overzicht-{plan.pk}", overview_export.header(), data, request.GET["export"])
    counts = summary(plan, request.user)
    # Page first, then look up: OFFSET over the bare student ids costs little,
    # while the annotated query would evaluate its subqueries for every row it
    # skips (page 40 was 3x slower than page 1). ``page_rows`` then looks up the
    # page's 50 students only.
    paginator = Paginator(rows.values_list("pk", flat=True), 50)
    if not filtered:
        paginator.count = counts["total"]  # the same COUNT the summary just ran
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = page_rows(plan, request.user, list(page.object_list))
    return render(
        request,
        "placements/overview.html",
        {
            "plan": plan,
            "plans": plans,
            "page": page,
            "counts": counts,
            "query": query_without_page(request),
            "state_filters": STATE_FILTERS,
            "supervisors": staff_of([plan.department_id], "supervisor"),
            "filters": {k: request.GET.get(k, "") for k in FILTER_KEYS},
            "can_place": plan.department_id in _coordinator_ids(request.user),
        },
    )


def _coordinator_ids(user):
    from stagebeheer.permissions import department_ids

    if user.is_superuser:
        return list(PlacementPlan.objects.values_list("department_id", flat=True))
    return department_ids(user, ["coordinator"])
