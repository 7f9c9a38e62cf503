from placements.models.host import Host, HostStatus, WorkplaceSupervisor
from placements.models.placement import Placement, PlacementState, PlacementWorkplaceSupervisor
from placements.models.plan import PlacementPlan, PlanKind, ScheduleType
from placements.models.student import Guardian, Outflow, Student

__all__ = [
    "Guardian",
    "Host",
    "HostStatus",
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
