from placements.models.host import Host, HostStatus, WorkplaceSupervisor
from placements.models.hours import HoursEntry, HoursSource, LearningGoal
from placements.models.imports import ImportMapping
from placements.models.placement import Placement, PlacementState, PlacementWorkplaceSupervisor
from placements.models.plan import HostKind, PlacementPlan, PlanKind, ScheduleType
from placements.models.student import Guardian, Outflow, Student
from placements.models.wishes import (
    MAX_WISHES,
    OwnFind,
    OwnFindState,
    ProposalReason,
    Wish,
    WishParticipant,
    WishRound,
    WishRoundState,
)

__all__ = [
    "MAX_WISHES",
    "Guardian",
    "Host",
    "HostKind",
    "HostStatus",
    "HoursEntry",
    "HoursSource",
    "ImportMapping",
    "LearningGoal",
    "Outflow",
    "OwnFind",
    "OwnFindState",
    "Placement",
    "PlacementPlan",
    "PlacementState",
    "PlacementWorkplaceSupervisor",
    "PlanKind",
    "ProposalReason",
    "ScheduleType",
    "Student",
    "Wish",
    "WishParticipant",
    "WishRound",
    "WishRoundState",
    "WorkplaceSupervisor",
]
