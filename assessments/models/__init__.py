from assessments.models.assessment import Assessment, Party, Score, Status
from assessments.models.frameworks import (
    MAX_COMPETENCIES,
    MIN_COMPETENCIES,
    Competency,
    CompetencyFramework,
    LevelIndicator,
    Scale,
    ScaleLevel,
)
from assessments.models.judgement import FinalJudgement, JudgementScore
from assessments.models.setup import JudgementMethod, PlanAssessmentSetup, Round, RoundKind
from assessments.models.stageboek import Assignment, AssignmentKind, FinalPresentation, HandIn, HandInState

__all__ = [
    "MAX_COMPETENCIES",
    "MIN_COMPETENCIES",
    "Assessment",
    "Assignment",
    "AssignmentKind",
    "Competency",
    "CompetencyFramework",
    "FinalJudgement",
    "FinalPresentation",
    "HandIn",
    "HandInState",
    "JudgementMethod",
    "JudgementScore",
    "LevelIndicator",
    "Party",
    "PlanAssessmentSetup",
    "Round",
    "RoundKind",
    "Scale",
    "ScaleLevel",
    "Score",
    "Status",
]
