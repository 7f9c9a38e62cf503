from stagebeheer.models.access_links import AccessLink
from stagebeheer.models.accounts import Department, Federation, Membership, Role, School, SchoolType, User
from stagebeheer.models.history import HistoryEntry
from stagebeheer.models.limits import GuessCounter
from stagebeheer.models.mail import OutgoingMessage

__all__ = [
    "AccessLink",
    "Department",
    "Federation",
    "GuessCounter",
    "HistoryEntry",
    "Membership",
    "OutgoingMessage",
    "Role",
    "School",
    "SchoolType",
    "User",
]
