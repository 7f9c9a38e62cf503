from evaluations.models.dossier import DossierDownload, DossierExport, DossierStatus
from evaluations.models.host_review import HostReview
from evaluations.models.plan_review import PlanReview, PlanReviewAction
from evaluations.models.questionnaire import Audience, EvaluationForm, EvaluationQuestion, QuestionKind, Topic
from evaluations.models.response import EvaluationAnswer, EvaluationInvitation, EvaluationResponse

__all__ = [
    "Audience",
    "DossierDownload",
    "DossierExport",
    "DossierStatus",
    "EvaluationAnswer",
    "EvaluationForm",
    "EvaluationInvitation",
    "EvaluationQuestion",
    "EvaluationResponse",
    "HostReview",
    "PlanReview",
    "PlanReviewAction",
    "QuestionKind",
    "Topic",
]
