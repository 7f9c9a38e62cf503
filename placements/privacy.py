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


@retention.for_students
def clear_own_find_texts(student_ids) -> int:
    """An own find keeps the host and dates (the placement has them too); the
    contact person, who sent it and the reason of the decision go."""
    from placements.models import OwnFind

    return (
        OwnFind.objects.filter(participant__student_id__in=student_ids)
        .exclude(contact_name="", contact_email="", contact_phone="", submitted_by="", decision_reason="")
        .update(
            contact_name="",
            contact_email="",
            contact_phone="",
            submitted_by="",
            decision_reason="",
            relation_kinds=[],
        )
    )
