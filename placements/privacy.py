"""What retention forgets of wish rounds once a student is anonymised (see audit.retention)."""

from audit import retention


@retention.for_students
def clear_wish_texts(student_ids) -> int:
    from placements.models import Wish, WishParticipant

    changed = (
        Wish.objects.filter(participant__student_id__in=student_ids)
        .exclude(motivation="")
        .update(motivation="")
    )
    changed += (
        WishParticipant.objects.filter(student_id__in=student_ids)
        .exclude(proposal_reason="", submitted_by="")
        .update(proposal_reason="", submitted_by="")
    )
    return changed
