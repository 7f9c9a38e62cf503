"""What retention forgets of evaluations once a student is anonymised (see audit.retention)."""

from audit import retention


@retention.for_students
def clear_evaluation_texts(student_ids) -> int:
    """Open answers and review comments go; scores stay, so averages keep their figures."""
    from evaluations.models import EvaluationAnswer, HostReview

    changed = (
        EvaluationAnswer.objects.filter(response__placement__student_id__in=student_ids)
        .exclude(text="")
        .update(text="")
    )
    changed += (
        HostReview.objects.filter(placement__student_id__in=student_ids)
        .exclude(comment="")
        .update(comment="")
    )
    return changed
