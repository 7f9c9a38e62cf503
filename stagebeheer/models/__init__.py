from stagebeheer.models.access_links import AccessLink
from stagebeheer.models.accounts import Department, Federation, Membership, Role, School, SchoolType, User
from stagebeheer.models.history import HistoryEntry
from stagebeheer.models.mail import OutgoingMessage

__all__ = [
    "AccessLink",
    "Department",
    "Federation",
    "HistoryEntry",
    "Membership",
    "OutgoingMessage",
    "Role",
    "School",
    "SchoolType",
    "User",
]
