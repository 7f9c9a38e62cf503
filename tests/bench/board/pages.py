"""What the board benchmark measures: the key pages, per persona, with budgets."""

import math
import os
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from placements.models import Placement, PlacementPlan
from stagebeheer.models import AccessLink, Department, User
from visits.models import Visit

# Budgets of issue 16, as a ratio of a page's p95 to the floor's median.
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
BUDGETS = {"floor": 1, "page": 8, "dashboard": 20, "csv": 12, "xlsx": 25}


@dataclass
class Spec:
    name: str
    user: User
    url: str
    kind: str = "page"
    method: str = "GET"
    data: object = None
    ok: tuple = (200,)
    next_url: object = None  # a callable giving a fresh URL per request (links that complete)

    def target(self):
        return self.next_url() if self.next_url else self.url


@dataclass
class Context:
    three: Department  # three school years of history
    one: Department  # only this school year
    staff: dict = field(default_factory=dict)

    @classmethod
    def load(cls):
        three = Department.objects.get(name="Benchcollege locatie 1")
        one = Department.objects.get(name="Benchcollege locatie 4")
        return cls(three=three, one=one)

    def user(self, department, role):
        return User.objects.get(email=f"{role}0.d{department.pk}@bench.example")

    def busiest_supervisor(self, department):
        placement = (
            Placement.objects.filter(plan__department=department, state="active").order_by("pk").first()
        )
        return placement.school_supervisor

    def current_plan(self, department):
        return PlacementPlan.objects.filter(department=department).order_by("-school_year").first()


def _url(name, *args, query=""):
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None  # the page's app is not there (yet)


def _input_links(placement, count):
    """Fresh links to the workplace supervisor's input form, one per POST."""
    from visits.inputs import PURPOSE

    visit = Visit.objects.filter(placement=placement, status="planned").order_by("planned_on").first()
    tokens = []
    for _ in range(count):
        _link, token = AccessLink.issue(
            purpose=PURPOSE,
            target=visit,
            recipient_name="Piet Praktijk",
            recipient_email="piet@bedrijf.example",
        )
        tokens.append(token)
    return visit, tokens


def _assessment_link(plan):
    """An open workplace form of a running placement, with a link to it (the
    token exists only here, as in the mail), and the draft POST's data: every
    level chosen, on the form's current revision (each save raises it)."""
    from assessments.models import Assessment
    from assessments.opening import PURPOSE

    form = (
        Assessment.objects.filter(placement__plan=plan, placement__state="active", party="workplace")
        .exclude(status="submitted")
        .select_related("framework__scale", "placement__plan__department")
        .order_by("pk")
        .first()
    )
    if form is None:
        return None, None
    _link, token = AccessLink.issue(
        purpose=PURPOSE,
        target=form,
        recipient_name="Piet Praktijk",
        recipient_email="piet@bedrijf.example",
        department=form.placement.plan.department,
    )
    level = form.framework.scale.levels.order_by("order").last()
    competencies = list(form.framework.competencies.values_list("pk", flat=True))

    def draft():
        revision = Assessment.objects.values_list("revision", flat=True).get(pk=form.pk)
        return {
            "revision": revision,
            "tops": "Zelfstandig.",
            "tips": "",
            **{f"level_{c}": level.pk for c in competencies},
        }

    return token, draft


def _link_form_specs(user, plan):
    try:
        token, draft = _assessment_link(plan)
    except LookupError:
        return []  # no assessments app
    if token is None:
        return []
    return [
        Spec("link: assessment form (GET)", user, f"/l/{token}/"),
        Spec("link: assessment draft (POST)", user, f"/l/{token}/draft/", method="POST", data=draft),
    ]


def department_pages(ctx, department, suffix=""):
    coordinator = ctx.user(department, "coordinator")
    plan = ctx.current_plan(department)
    overview = reverse("placements:overview")
    students = plan.department.students.count()
    deep = max(1, math.ceil(students / 50) - 1)
    specs = [
        Spec("coordinator start page", coordinator, "/"),
        Spec("overview page 1", coordinator, f"{overview}?plan={plan.pk}"),
        Spec("overview deep page", coordinator, f"{overview}?plan={plan.pk}&page={deep}"),
        Spec("overview search", coordinator, f"{overview}?plan={plan.pk}&q=de+vries"),
        Spec("overview chase list", coordinator, f"{overview}?plan={plan.pk}&state=none"),
        Spec("agreement overview", coordinator, reverse("agreements:overview")),
    ]
    return [Spec(f"{s.name}{suffix}", s.user, s.url, s.kind) for s in specs]


def key_pages(ctx):
    department = ctx.three
    coordinator = ctx.user(department, "coordinator")
    leader = ctx.user(department, "leader")
    supervisor = ctx.busiest_supervisor(department)
    plan = ctx.current_plan(department)
    placement = Placement.objects.filter(plan=plan, state="active", school_supervisor=supervisor).first()
    _visit, tokens = _input_links(placement, REPEAT + 3)
    posts = iter(tokens[1:])
    overview = reverse("placements:overview")

    def input_answer():
        return {
            "judgement": "Betrokken en leert snel.",
            "going_well": "Klantcontact",
            "to_improve": "",
            "topics": "",
        }

    specs = [
        Spec("floor", coordinator, "/bench/floor/", "floor"),
        *department_pages(ctx, department),
        Spec("placement page", coordinator, reverse("placements:placement_detail", args=[placement.pk])),
        Spec("student list", coordinator, reverse("placements:student_list")),
        Spec("host list", coordinator, reverse("placements:host_list")),
        Spec("capacity", coordinator, reverse("placements:capacity")),
        Spec("supervisor agenda", supervisor, reverse("visits:agenda")),
        Spec("link: input form (GET)", coordinator, f"/l/{tokens[0]}/"),
        # Each POST completes its link, so each takes the next fresh one.
        Spec(
            "link: input form (POST)",
            coordinator,
            "",
            method="POST",
            data=input_answer,
            next_url=lambda: f"/l/{next(posts)}/",
        ),
        Spec("mail outbox", coordinator, reverse("outbox")),
        Spec("leader start page", leader, "/", "dashboard"),
        Spec("plan export CSV", coordinator, f"{overview}?plan={plan.pk}&export=csv", "csv"),
        Spec("plan export XLSX", coordinator, f"{overview}?plan={plan.pk}&export=xlsx", "xlsx"),
    ]
    specs += _link_form_specs(coordinator, plan)
    judged = Placement.objects.filter(plan=plan, state="completed").order_by("pk").first() or placement
    for name, url, kind, user in [
        ("assessment comparison", _url("assessments:compare", judged.pk), "page", coordinator),
        ("open assessment forms", _url("assessments:open_forms"), "page", coordinator),
        (
            "department dashboard",
            _url("evaluations:dashboard", query=f"?department={department.pk}"),
            "dashboard",
            leader,
        ),
        ("whole-school dashboard", _url("evaluations:dashboard"), "dashboard", leader),
    ]:
        if url:
            specs.append(Spec(name, user, url, kind))
    return specs


def history_pages(ctx):
    return department_pages(ctx, ctx.one, " (1 year)"), department_pages(ctx, ctx.three, " (3 years)")
