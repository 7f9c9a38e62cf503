from placements.models.host import Host, HostStatus, WorkplaceSupervisor
from placements.models.hours import HoursEntry, HoursSource, LearningGoal
from placements.models.imports import ImportMapping
from placements.models.placement import Placement, PlacementState, PlacementWorkplaceSupervisor
from placements.models.plan import HostKind, PlacementPlan, PlanKind, ScheduleType
from placements.models.student import Guardian, Outflow, Student

__all__ = [
    "Guardian",
    "Host",
    "HostKind",
    "HostStatus",
    "HoursEntry",
    "HoursSource",
    "ImportMapping",
    "LearningGoal",
    "Outflow",
    "Placement",
    "PlacementPlan",
    "PlacementState",
    "PlacementWorkplaceSupervisor",
    "PlanKind",
    "ScheduleType",
    "Student",
    "WorkplaceSupervisor",
]
