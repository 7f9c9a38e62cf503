from visits.models.concern import (
    Concern,
    ConcernKind,
    ConcernOutcome,
    ConcernSeverity,
    ConcernStatus,
    ReporterRole,
)
from visits.models.feed import CalendarFeed
from visits.models.rules import ContactMomentRule, PlanGuide, Timing
from visits.models.visit import (
    ActionOwner,
    AgreedAction,
    Mode,
    Purpose,
    ReminderLog,
    Visit,
    VisitStatus,
    WorkplaceInput,
)

__all__ = [
    "ActionOwner",
    "AgreedAction",
    "CalendarFeed",
    "Concern",
    "ConcernKind",
    "ConcernOutcome",
    "ConcernSeverity",
    "ConcernStatus",
    "ContactMomentRule",
    "Mode",
    "PlanGuide",
    "Purpose",
    "ReminderLog",
    "ReporterRole",
    "Timing",
    "Visit",
    "VisitStatus",
    "WorkplaceInput",
]
