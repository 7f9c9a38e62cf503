"""Grow the number of assessments (with their scores) in bulk, for the query-count pins."""

from datetime import date, timedelta

from django.utils import timezone

from assessments.models import Assessment, Score
from placements.models import Placement, Student


def grow_assessments(plan, supervisor, host, total, rnd, framework, submitted=True):
    """Add placements of ``plan`` with a submitted workplace and student form each,
    until there are ``total`` assessments."""
    need = total - Assessment.objects.count()
    if need <= 0:
        return
    count = need // 2 + 1
    have = Student.objects.count()
    students = Student.objects.bulk_create(
        Student(
            department=plan.department,
            number=f"8{have + i:06d}",
            first_name="Sem",
            last_name=f"Nr{i}",
            date_of_birth=date(2010, 1, 1),
            class_name="3B",
            year_group=3,
        )
        for i in range(count)
    )
    start = timezone.localdate() - timedelta(days=30)
    placements = Placement.objects.bulk_create(
        Placement(
            student=s,
            plan=plan,
            host=host,
            school_supervisor=supervisor,
            start_date=start,
            end_date=start + timedelta(days=60),
            state="active",
        )
        for s in students
    )
    now = timezone.now()
    forms = Assessment.objects.bulk_create(
        Assessment(
            placement=p,
            round=rnd,
            party=party,
            framework=framework,
            due_on=start,
            status="submitted" if submitted else "open",
            submitted_at=now if submitted else None,
        )
        for p in placements
        for party in ("workplace", "student")
    )
    level = framework.scale.levels.first()
    competencies = list(framework.competencies.all())
    Score.objects.bulk_create(
        Score(assessment=a, competency=c, level=level) for a in forms for c in competencies
    )
