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


@retention.for_students
def clear_stageboek(student_ids) -> int:
    """Hand-ins are the student's own work: texts, feedback and files go; the
    state stays, so completion figures do not change. A file is deleted once the
    clearing is committed (a rolled-back run keeps it)."""
    from django.core.files.storage import default_storage
    from django.db import transaction
    from django.db.models import Q

    from assessments.models import FinalPresentation, HandIn

    handins = HandIn.objects.filter(
        Q(placement__student_id__in=student_ids) | Q(partner__student_id__in=student_ids)
    ).exclude(text="", feedback="", file="", file_name="")
    names = [name for name in handins.values_list("file", flat=True) if name]
    changed = handins.update(text="", feedback="", file="", file_name="", file_kind="", handed_in_by_label="")
    for name in names:
        transaction.on_commit(lambda name=name: default_storage.delete(name))
    changed += (
        FinalPresentation.objects.filter(placement__student_id__in=student_ids)
        .exclude(comment="")
        .update(comment="")
    )
    return changed
