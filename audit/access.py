"""Who may read the trail: one place, used by every audit view.

A coordinator reads the history of the records of her departments (hosts: of
her school); an administrator (superuser) reads and searches everything.
Leaders, mentors and supervisors get 403 on a record they can see, and every
one gets 404 on a record they cannot see.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from audit.models.events import Tracked
from stagebeheer.scoping import department_ids, has_role


def may_read_trail(user) -> bool:
    return user.is_superuser or has_role(user, "coordinator")


def require_admin(user) -> None:
    if not user.is_superuser:
        raise PermissionDenied


def scoped_records(entry: Tracked, user):
    """The tracked records this user may read the history of."""
    manager = entry.model._default_manager
    if user.is_superuser:
        return manager.all()
    if not may_read_trail(user) or not hasattr(manager, "visible_to"):
        return manager.none()
    records = manager.visible_to(user)
    if entry.department:
        return records.filter(**{f"{entry.department}__in": department_ids(user, ["coordinator"])})
    if hasattr(manager, "editable_by"):
        # School-wide records (hosts): the coordinators who keep them.
        return records.filter(pk__in=manager.editable_by(user).values("pk"))
    return records


def record_for_history(user, entry: Tracked | None, pk):
    if entry is None:
        raise Http404
    manager = entry.model._default_manager
    if not user.is_superuser:
        if not hasattr(manager, "visible_to") or not manager.visible_to(user).filter(pk=pk).exists():
            raise Http404
        if not may_read_trail(user):
            raise PermissionDenied
    record = scoped_records(entry, user).filter(pk=pk).first()
    if record is None:
        # Visible (e.g. as a supervisor) but not in a department she coordinates.
        raise PermissionDenied
    return record
