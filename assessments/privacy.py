"""What retention forgets of assessments once a student is anonymised (see audit.retention)."""

from audit import retention


@retention.for_students
def clear_assessment_texts(student_ids) -> int:
    """The free texts go; levels and scores stay, so dashboards keep their figures."""
    from assessments.models import Assessment, FinalJudgement, Score

    changed = (
        Assessment.objects.filter(placement__student_id__in=student_ids)
        .exclude(tops="", tips="")
        .update(tops="", tips="", submitted_by_label="")
    )
    changed += (
        Score.objects.filter(assessment__placement__student_id__in=student_ids)
        .exclude(comment="")
        .update(comment="")
    )
    changed += (
        FinalJudgement.objects.filter(placement__student_id__in=student_ids)
        .exclude(rationale="")
        .update(rationale="")
    )
    return changed
