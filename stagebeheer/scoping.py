"""The one place that knows which departments and roles a user has.

Every model's ``visible_to(user)`` builds on these helpers, so views never
filter by hand. Memberships are read once per request and kept on the user
object, so a page asks the database for them a single time.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def _memberships(user) -> dict[int, set[str]]:
    cached = getattr(user, "_department_roles", None)
    if cached is None:
        cached = {}
        for department_id, role in user.memberships.values_list("department_id", "role"):
            cached.setdefault(department_id, set()).add(role)
        user._department_roles = cached
    return cached


def forget_memberships(user) -> None:
    """Call after changing a user's memberships within one request or test."""
    user.__dict__.pop("_department_roles", None)


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


def require_role(user, role, department_id=None) -> None:
    """403 for a signed-in user without the role (they may see, not change)."""
    if not has_role(user, role, department_id):
        raise PermissionDenied


def get_visible_or_404(queryset, user, **lookup):
    """Fetch one row through the model's visible_to(user); a stranger's id is a 404."""
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
