"""Self-assessment, workplace supervisor and interim round side by side per competency.

Competencies are matched by name, so an interim round filled in on an older
version of the framework still lines up with the final round."""

from dataclasses import dataclass, field

from assessments.models import Assessment, Party, RoundKind, Score, Status

PARTY_ORDER = {Party.STUDENT: 0, Party.WORKPLACE: 1, Party.SCHOOL: 2}
BIG_DIFFERENCE = 2  # levels apart that the final conversation must talk about


@dataclass
class Column:
    assessment: Assessment

    @property
    def is_interim(self):
        return self.assessment.round.kind == RoundKind.INTERIM


@dataclass
class Row:
    name: str
    cells: list = field(default_factory=list)  # Score or None, per column
    big_difference: bool = False
    growth: int | None = None  # workplace supervisor: final level minus interim level


def build(placement):
    """Columns (submitted assessments, interim first) and one row per competency. Three queries."""
    assessments = list(
        Assessment.objects.filter(placement=placement)
        .select_related("round", "framework__scale")
        .order_by("round__share", "pk")
    )
    submitted = [a for a in assessments if a.status == Status.SUBMITTED]
    submitted.sort(key=lambda a: (a.round.share, PARTY_ORDER[a.party]))
    pending = [a for a in assessments if a.status != Status.SUBMITTED]
    scores = {}
    for score in Score.objects.filter(assessment__in=[a.pk for a in submitted]).select_related(
        "level", "competency"
    ):
        scores[(score.assessment_id, score.competency.name)] = score
    names = []
    for score in sorted(
        scores.values(),
        key=lambda s: (s.competency.framework_id != _latest_framework(submitted), s.competency.order),
    ):
        if score.competency.name not in names:
            names.append(score.competency.name)
    columns = [Column(a) for a in submitted]
    finals = {a.party: a for a in submitted if a.round.kind == RoundKind.FINAL}
    interims = {a.party: a for a in submitted if a.round.kind == RoundKind.INTERIM}
    rows = []
    for name in names:
        row = Row(name=name, cells=[scores.get((a.pk, name)) for a in submitted])
        latest = finals or interims
        student, workplace = (
            _order(scores, latest.get(Party.STUDENT), name),
            _order(scores, latest.get(Party.WORKPLACE), name),
        )
        if student is not None and workplace is not None and abs(student - workplace) >= BIG_DIFFERENCE:
            row.big_difference = True
        before = _order(scores, interims.get(Party.WORKPLACE), name)
        after = _order(scores, finals.get(Party.WORKPLACE), name)
        if before is not None and after is not None:
            row.growth = after - before
        rows.append(row)
    return {"columns": columns, "rows": rows, "pending": pending, "has_interim": bool(interims)}


def _latest_framework(submitted):
    return submitted[-1].framework_id if submitted else None


def _order(scores, assessment, name):
    if assessment is None:
        return None
    score = scores.get((assessment.pk, name))
    return score.level.order if score is not None and score.level_id else None
