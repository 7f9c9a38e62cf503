"""The one place that answers "may this user see or change this?".

Every rule of the project lives here, one function per question, so the
access-matrix test (tests/test_access_matrix.py) tests one layer:

- who holds which role where (read once per request, kept on the user);
- which rows of each model a user may see or change — the models' querysets
  (``Placement.objects.visible_to(user)``) call the ``*_visible`` /
  ``*_editable`` rules below, so a view still says ``visible_to(user)``;
- one object for a view: a stranger's id is a 404 (``visible_or_404``), a row
  the user may read but not change is a 403 (``editable_or_403``);
- named questions of function-level rights (``may_set_host_status``, ...).

Apps import this module, never the other way round: the rules take the
queryset they filter and look other models up lazily.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

COORDINATOR, SUPERVISOR, LEADER, MENTOR = "coordinator", "supervisor", "leader", "mentor"

# --- roles -----------------------------------------------------------------


def _memberships(user) -> dict[int, set[str]]:
    cached = getattr(user, "_department_roles", None)
    if cached is None:
        cached, names = {}, {}
        # The names come along so the start page needs no query of its own for them.
        rows = user.memberships.values_list(
            "department_id", "role", "department__school__name", "department__name"
        )
        for department_id, role, school, name in rows:
            cached.setdefault(department_id, set()).add(role)
            names[department_id] = (school, name)
        user._department_roles = cached
        user._department_names = names
    return cached


def department_names(user) -> list[str]:
    """The names of the user's departments, in the departments' order (school,
    then name); read with the roles."""
    if not user.is_authenticated:
        return []
    _memberships(user)
    return [name for _school, name in sorted(user._department_names.values())]


def forget_memberships(user) -> None:
    """Call after changing a user's memberships within one request or test."""
    user.__dict__.pop("_department_roles", None)
    user.__dict__.pop("_department_names", None)


def department_ids(user, roles=None) -> list[int]:
    """Departments where the user holds one of ``roles`` (any role if None)."""
    if not user.is_authenticated:
        return []
    wanted = set(roles) if roles else None
    return sorted(dept for dept, held in _memberships(user).items() if wanted is None or held & wanted)


def roles_of(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set().union(*_memberships(user).values())


def has_role(user, role, department_id=None) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if department_id is None:
        return role in roles_of(user)
    return role in _memberships(user).get(department_id, set())


def has_any_role(user, *roles) -> bool:
    return any(has_role(user, role) for role in roles)


def require_role(user, role, department_id=None) -> None:
    """403 for a signed-in user without the role (they may see, not change)."""
    if not has_role(user, role, department_id):
        raise PermissionDenied


def require_any_role(user, *roles) -> None:
    if not has_any_role(user, *roles):
        raise PermissionDenied


def require_coordinator(user) -> None:
    require_role(user, COORDINATOR)


def coordinator_departments(user):
    Department = apps.get_model("stagebeheer", "Department")
    if user.is_superuser:
        return Department.objects.all()
    return Department.objects.filter(pk__in=department_ids(user, [COORDINATOR]))


def _school_ids(user, roles=None):
    Department = apps.get_model("stagebeheer", "Department")
    return Department.objects.filter(pk__in=department_ids(user, roles)).values("school_id")


def _everything_or_nothing(queryset, user):
    """The queryset for a superuser, none() for anonymous, else None (apply the rule)."""
    if not user.is_authenticated:
        return queryset.none()
    if user.is_superuser:
        return queryset
    return None


# --- rows per model: what the models' visible_to / editable_by call ---------


def departments_visible(queryset, user):
    fixed = _everything_or_nothing(queryset, user)
    return fixed if fixed is not None else queryset.filter(pk__in=department_ids(user))


def plans_visible(queryset, user):
    """Every staff member of the department may read its plans."""
    fixed = _everything_or_nothing(queryset, user)
    return fixed if fixed is not None else queryset.filter(department_id__in=department_ids(user))


def plans_editable(queryset, user):
    fixed = _everything_or_nothing(queryset, user)
    return (
        fixed if fixed is not None else queryset.filter(department_id__in=department_ids(user, [COORDINATOR]))
    )


def hosts_visible(queryset, user):
    """A school keeps one directory that all its departments' staff can read."""
    fixed = _everything_or_nothing(queryset, user)
    return fixed if fixed is not None else queryset.filter(school_id__in=_school_ids(user))


def hosts_editable(queryset, user):
    fixed = _everything_or_nothing(queryset, user)
    return fixed if fixed is not None else queryset.filter(school_id__in=_school_ids(user, [COORDINATOR]))


def placements_visible(queryset, user):
    """Coordinators and leaders: their departments. Supervisors: only the
    placements assigned to them. Mentors: their mentees' placements."""
    fixed = _everything_or_nothing(queryset, user)
    if fixed is not None:
        return fixed
    # Only the branches for roles the user holds: an unused branch would still
    # add its join (student for mentors) and slow every list down.
    scope = Q(plan__department_id__in=department_ids(user, [COORDINATOR, LEADER]))
    supervising = department_ids(user, [SUPERVISOR])
    if supervising:
        scope |= Q(school_supervisor=user, plan__department_id__in=supervising)
    mentoring = department_ids(user, [MENTOR])
    if mentoring:
        scope |= Q(student__mentor=user, plan__department_id__in=mentoring)
    return queryset.filter(scope)


def placements_editable(queryset, user):
    """Who may change a placement's data: the department's coordinators."""
    fixed = _everything_or_nothing(queryset, user)
    return (
        fixed
        if fixed is not None
        else queryset.filter(plan__department_id__in=department_ids(user, [COORDINATOR]))
    )


def placements_supervised(queryset, user):
    """What a school supervisor may log visits and assessments on (and the coordinators)."""
    fixed = _everything_or_nothing(queryset, user)
    if fixed is not None:
        return fixed
    return queryset.filter(
        Q(school_supervisor=user, plan__department_id__in=department_ids(user, [SUPERVISOR]))
        | Q(plan__department_id__in=department_ids(user, [COORDINATOR]))
    )


def students_visible(queryset, user):
    """Coordinators and leaders see their departments' students; a mentor
    sees own mentees; a supervisor the students of placements assigned to them."""
    fixed = _everything_or_nothing(queryset, user)
    if fixed is not None:
        return fixed
    scope = Q(department_id__in=department_ids(user, [COORDINATOR, LEADER]))
    mentoring = department_ids(user, [MENTOR])
    if mentoring:
        scope |= Q(mentor=user, department_id__in=mentoring)
    supervising = department_ids(user, [SUPERVISOR])
    if supervising:
        # A subquery on placements, not a join: a join repeats students and
        # makes every list of students scan the placements.
        Placement = apps.get_model("placements", "Placement")
        scope |= Q(
            department_id__in=supervising,
            pk__in=Placement.objects.filter(school_supervisor=user).values("student_id"),
        )
    return queryset.filter(scope)


def agreements_visible(queryset, user):
    """Whoever may see the placement may read its agreement."""
    fixed = _everything_or_nothing(queryset, user)
    if fixed is not None:
        return fixed
    Placement = apps.get_model("placements", "Placement")
    return queryset.filter(placement__in=placements_visible(Placement.objects.all(), user).values("pk"))


def agreements_editable(queryset, user):
    fixed = _everything_or_nothing(queryset, user)
    if fixed is not None:
        return fixed
    return queryset.filter(placement__plan__department_id__in=department_ids(user, [COORDINATOR]))


def cooperations_visible(queryset, user):
    fixed = _everything_or_nothing(queryset, user)
    if fixed is not None:
        return fixed
    return queryset.filter(
        Q(plan__department_id__in=department_ids(user))
        | Q(plan__isnull=True, host__school_id__in=_school_ids(user))
    )


def cooperations_editable(queryset, user):
    fixed = _everything_or_nothing(queryset, user)
    if fixed is not None:
        return fixed
    return queryset.filter(
        Q(plan__department_id__in=department_ids(user, [COORDINATOR]))
        | Q(plan__isnull=True, host__school_id__in=_school_ids(user, [COORDINATOR]))
    )


def agreement_templates_visible(queryset, user):
    fixed = _everything_or_nothing(queryset, user)
    if fixed is not None:
        return fixed
    return queryset.filter(department_id__in=department_ids(user, [COORDINATOR, LEADER]))


def agreement_templates_editable(queryset, user):
    fixed = _everything_or_nothing(queryset, user)
    return (
        fixed if fixed is not None else queryset.filter(department_id__in=department_ids(user, [COORDINATOR]))
    )


def visits_visible(queryset, user):
    """Whoever may read the placement may read its contact moments."""
    Placement = apps.get_model("placements", "Placement")
    return queryset.filter(placement__in=placements_visible(Placement.objects.all(), user))


def visits_editable(queryset, user):
    """The placement's own supervisor and the department's coordinators."""
    Placement = apps.get_model("placements", "Placement")
    return queryset.filter(placement__in=placements_supervised(Placement.objects.all(), user))


def concerns_visible(queryset, user):
    """Coordinators of the department and the placement's own supervisor.
    Not leaders, not mentors, not other supervisors."""
    fixed = _everything_or_nothing(queryset, user)
    if fixed is not None:
        return fixed
    scope = Q(department_id__in=department_ids(user, [COORDINATOR]))
    scope |= Q(placement__school_supervisor=user, department_id__in=department_ids(user, [SUPERVISOR]))
    return queryset.filter(scope)


def coordinator_rows(queryset, user):
    """Rows with a ``department`` that only its coordinators read (links, mail)."""
    fixed = _everything_or_nothing(queryset, user)
    return (
        fixed if fixed is not None else queryset.filter(department_id__in=department_ids(user, [COORDINATOR]))
    )


# --- one object for a view ------------------------------------------------


def visible_or_404(queryset, user, **lookup):
    """Fetch one row through the model's visible_to(user); a stranger's id is a 404."""
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def editable_or_403(queryset, user, **lookup):
    """A stranger's row is a 404; a row the user may only read is a 403."""
    obj = visible_or_404(queryset, user, **lookup)
    if not queryset.editable_by(user).filter(pk=obj.pk).exists():
        raise PermissionDenied
    return obj


def placement_for_reading(user, pk):
    Placement = apps.get_model("placements", "Placement")
    return visible_or_404(Placement.objects.select_related("student", "host", "plan"), user, pk=pk)


def placement_for_guiding(user, pk):
    """The placement's own supervisor or a coordinator; others who may read it get 403."""
    Placement = apps.get_model("placements", "Placement")
    placement = placement_for_reading(user, pk)
    if not Placement.objects.supervised_by(user).filter(pk=placement.pk).exists():
        raise PermissionDenied
    return placement


def visit_for_reading(user, pk, queryset=None):
    Visit = apps.get_model("visits", "Visit")
    queryset = queryset if queryset is not None else Visit.objects.all()
    return visible_or_404(
        queryset.select_related("placement__student", "placement__host", "placement__plan"), user, pk=pk
    )


def visit_for_guiding(user, pk):
    Visit = apps.get_model("visits", "Visit")
    visit = visit_for_reading(user, pk)
    if not Visit.objects.editable_by(user).filter(pk=visit.pk).exists():
        raise PermissionDenied
    return visit


def plan_for_editing(user, pk):
    PlacementPlan = apps.get_model("placements", "PlacementPlan")
    return editable_or_403(PlacementPlan.objects.select_related("department"), user, pk=pk)


def may_see_concerns(user) -> bool:
    return has_any_role(user, COORDINATOR, SUPERVISOR)


def require_concern_reader(user) -> None:
    if not may_see_concerns(user):
        raise PermissionDenied


def concern_for(user, pk):
    Concern = apps.get_model("visits", "Concern")
    require_concern_reader(user)
    return visible_or_404(
        Concern.objects.select_related("placement__student", "placement__host", "department", "visit"),
        user,
        pk=pk,
    )


# --- function-level rights -------------------------------------------------


def may_set_host_status(user, host) -> bool:
    """A host's status (active, on watch, unsuitable) holds for every department
    of the school, so only an administrator or a coordinator of a department
    that uses the host decides it: one with a placement there. A host nobody
    has placed at yet is decided by any coordinator of its school (it affects
    no one else's students). A supervisor may propose, not decide (issue 9.7)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    mine = department_ids(user, [COORDINATOR])
    if not mine:
        return False
    Placement = apps.get_model("placements", "Placement")
    at_host = Placement.objects.filter(host_id=host.pk)
    if at_host.filter(plan__department_id__in=mine).exists():
        return True
    return host.school_id in set(_school_ids(user, [COORDINATOR]).values_list("school_id", flat=True)) and (
        not at_host.exists()
    )


def require_host_status_right(user, host) -> None:
    if not may_set_host_status(user, host):
        raise PermissionDenied


def may_read_outbox(user) -> bool:
    return has_role(user, COORDINATOR)


def may_edit_coordinator_pages(user) -> bool:
    """Shows the edit buttons of lists a coordinator keeps (hosts, students, plans)."""
    return has_role(user, COORDINATOR)


def require_coordinator_or_leader(user) -> None:
    """Overviews (capacity, agreements, cooperation agreements) are for those who run or oversee stages."""
    require_any_role(user, COORDINATOR, LEADER)


def may_see_allowances(user, department_id) -> bool:
    """Money paid to minors is for those who run or oversee the department's stages."""
    return has_role(user, COORDINATOR, department_id) or has_role(user, LEADER, department_id)


def may_see_support_needs(user, student) -> bool:
    """A student's support needs: the department's coordinators and the school
    supervisor of one of the student's placements; not leaders, not mentors."""
    if has_role(user, COORDINATOR, student.department_id):
        return True
    Placement = apps.get_model("placements", "Placement")
    return Placement.objects.filter(student=student, school_supervisor=user).exists()


def students_editable(queryset, user):
    """The department's coordinators edit its students."""
    fixed = _everything_or_nothing(queryset, user)
    return (
        fixed if fixed is not None else queryset.filter(department_id__in=department_ids(user, [COORDINATOR]))
    )


# --- administrators: the board's functional manager ---------------------------
# An administrator is a superuser (``manage.py createsuperuser``); the app has
# no membership role for it, so nobody becomes one through the team pages.


def is_administrator(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def require_administrator(user) -> None:
    """The school set-up pages: a signed-in non-administrator gets 403."""
    if not is_administrator(user):
        raise PermissionDenied


def schools_visible(queryset, user):
    """Staff read the schools of their departments; an administrator every school."""
    fixed = _everything_or_nothing(queryset, user)
    return fixed if fixed is not None else queryset.filter(pk__in=_school_ids(user))


def schools_editable(queryset, user):
    """Schools are set up and changed by an administrator only."""
    return queryset if is_administrator(user) else queryset.none()


def departments_editable(queryset, user):
    """Departments are set up and changed by an administrator only."""
    return queryset if is_administrator(user) else queryset.none()
