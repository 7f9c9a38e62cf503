"""Kept so older imports work; the rules live in stagebeheer.permissions."""

from stagebeheer.permissions import (  # noqa: F401
    _memberships,
    department_ids,
    forget_memberships,
    has_role,
    require_role,
    roles_of,
)
from stagebeheer.permissions import visible_or_404 as get_visible_or_404  # noqa: F401
