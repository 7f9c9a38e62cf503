"""The host's record over the last years and the status it suggests.

The rule only suggests: the coordinator decides, through
``placements.services.set_host_status`` (the placements app owns host status).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.models import EvaluationAnswer, HostReview
from evaluations.models.host_review import SAFETY_CONCERN_AT
from evaluations.models.questionnaire import HOST_TOPICS, Topic
from evaluations.models.response import MIN_GROUP
from placements.models import HostStatus

YEARS = 3
# Two "would not place again" or two safety concerns: unsuitable; one of either: on watch.
UNSUITABLE_AT = 2
SEVERITY = {HostStatus.TO_CHECK: 0, HostStatus.ACTIVE: 0, HostStatus.ON_WATCH: 1, HostStatus.UNSUITABLE: 2}
SAFETY_KINDS = (
    "social_unsafety",
    "discrimination_host",
    "misuse_labour",
    "misuse_hours",
    "misuse_times",
    "health_safety",
)


@dataclass
class HostRecord:
    reviews: int = 0
    means: dict = field(default_factory=dict)
    not_again: int = 0
    safety_concerns: int = 0
    concerns: int = 0
    evaluation_means: list = field(default_factory=list)
    suggestion: str | None = None
    reasons: list = field(default_factory=list)


def _since():
    return timezone.now() - timedelta(days=365 * YEARS)


def host_record(host) -> HostRecord:
    """Three aggregate queries whatever the number of reviews and answers."""
    since = _since()
    row = HostReview.objects.filter(host=host, created_at__gte=since).aggregate(
        n=Count("pk"),
        mean_learning=Avg("learning_opportunities"),
        mean_guidance=Avg("guidance"),
        mean_safety=Avg("safety"),
        not_again=Count("pk", filter=Q(would_place_again=False)),
        unsafe=Count("pk", filter=Q(safety__lte=SAFETY_CONCERN_AT)),
    )
    record = HostRecord(
        reviews=row["n"],
        means={
            "learning": row["mean_learning"],
            "guidance": row["mean_guidance"],
            "safety": row["mean_safety"],
        },
        not_again=row["not_again"],
        safety_concerns=row["unsafe"],
    )
    # Evaluation answers about the host, by topic; a mean over fewer than
    # MIN_GROUP answers is withheld (anonymity, see models.response).
    rows = (
        EvaluationAnswer.objects.filter(
            response__placement__host=host,
            response__submitted_at__gte=since,
            question__topic__in=HOST_TOPICS,
            score__isnull=False,
        )
        .values("question__topic")
        .annotate(mean=Avg("score"), n=Count("pk"), low=Count("pk", filter=Q(score__lte=SAFETY_CONCERN_AT)))
        .order_by("question__topic")
    )
    for r in rows:
        topic = r["question__topic"]
        shown = r["n"] >= MIN_GROUP
        record.evaluation_means.append(
            {"topic": Topic(topic).label, "n": r["n"], "mean": r["mean"] if shown else None}
        )
        if topic == Topic.SAFETY and r["low"]:
            record.safety_concerns += r["low"]
    record.concerns = _concern_count(host, since)
    record.suggestion, record.reasons = suggest(record, host.status)
    return record


def _concern_count(host, since):
    try:
        from visits.models import Concern
    except ImportError:  # the visits app is optional to this one
        return 0
    return Concern.objects.filter(
        placement__host=host, kind__in=SAFETY_KINDS, occurred_on__gte=since.date()
    ).count()


def suggest(record: HostRecord, current: str):
    """(status, reasons) when the record calls for a stricter status than ``current``; else (None, [])."""
    reasons = []
    if record.not_again:
        reasons.append(_("%(n)s× ‘zou hier niet opnieuw plaatsen’") % {"n": record.not_again})
    if record.safety_concerns:
        reasons.append(_("%(n)s× zorg over de veiligheid") % {"n": record.safety_concerns})
    if record.concerns:
        reasons.append(_("%(n)s zorgmelding(en)") % {"n": record.concerns})
    if record.not_again >= UNSUITABLE_AT or record.safety_concerns >= UNSUITABLE_AT:
        status = HostStatus.UNSUITABLE
    elif reasons:
        status = HostStatus.ON_WATCH
    else:
        return None, []
    if SEVERITY[HostStatus(status)] <= SEVERITY.get(current, 0):
        return None, []
    return status, reasons
