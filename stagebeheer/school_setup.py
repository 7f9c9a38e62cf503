"""Setting up schools and departments (an administrator's pages).

A department or school is removed only while nothing refers to it: the
database cascades some relations (roles, mail, links), and a delete would
silently take plans, students and their history with it. So the check asks
every relation pointing at the row, not just the protected ones, and refuses
with a list of what is still there.
"""

from django.db import transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from stagebeheer.history import record
from stagebeheer.models import Department, School


class SetupError(Exception):
    """A refused change, with a message for the page."""


def _holds(obj) -> list[str]:
    """'stageplannen (3)', ...: every kind of row that points at ``obj``."""
    found = []
    for relation in obj._meta.related_objects:
        if relation.one_to_many or relation.one_to_one:
            count = relation.related_model._base_manager.filter(**{relation.field.name: obj}).count()
            if count:
                label = relation.related_model._meta.verbose_name_plural
                found.append(f"{label} ({count})")
    return sorted(found)


def department_holds(department) -> list[str]:
    return _holds(department)


def school_holds(school) -> list[str]:
    return _holds(school)


@transaction.atomic
def delete_department(actor, department) -> None:
    # Lock the row: a plan created while we check would otherwise be cascaded away.
    department = Department.objects.select_for_update().get(pk=department.pk)
    held = department_holds(department)
    if held:
        raise SetupError(
            _("%(name)s wordt nog gebruikt en kan niet worden verwijderd: %(held)s.")
            % {"name": department.name, "held": ", ".join(held)}
        )
    try:
        department.delete()
    except (ProtectedError, RestrictedError):
        raise SetupError(
            _("%(name)s wordt nog gebruikt en kan niet worden verwijderd.") % {"name": department.name}
        ) from None
    record(department.school, action="department:delete", summary=department.name, actor=actor)


@transaction.atomic
def delete_school(actor, school) -> None:
    school = School.objects.select_for_update().get(pk=school.pk)
    held = school_holds(school)
    if held:
        raise SetupError(
            _("%(name)s heeft nog gegevens en kan niet worden verwijderd: %(held)s.")
            % {"name": school.name, "held": ", ".join(held)}
        )
    try:
        school.delete()
    except (ProtectedError, RestrictedError):
        raise SetupError(
            _("%(name)s heeft nog gegevens en kan niet worden verwijderd.") % {"name": school.name}
        ) from None
