"""Contact moments (three per placement) for the benchmark board."""

from datetime import timedelta

from stagebeheer.bench import BATCH
from visits.models import Visit

ORDER = 30


def seed(board):
    from django.utils import timezone

    from visits.inputs import DAYS_BEFORE

    now = timezone.now()
    rows = []
    for p in board.placements:
        length = (p.end_date - p.start_date).days
        for sequence, (purpose, share) in enumerate((("start", 0.1), ("interim", 0.5), ("final", 0.95))):
            day = p.start_date + timedelta(days=int(length * share))
            past = day < board.today and p.state != "draft"
            # Some moments of running placements are overdue: the agenda's "te laat".
            done = past and not (p.state == "active" and sequence == 0 and p.pk % 4 == 0)
            rows.append(
                Visit(
                    placement_id=p.pk,
                    sequence=sequence,
                    purpose=purpose,
                    planned_on=day,
                    status="done"
                    if done
                    else ("cancelled" if p.state == "terminated" and not past else "planned"),
                    held_on=day if done else None,
                    learning_moments="Hielp klanten zelfstandig." if done else "",
                    logged_by_id=p.school_supervisor_id if done else None,
                    # The steady state: this week's input requests went out already.
                    input_requested_at=now
                    if not past and p.state == "active" and day <= board.today + timedelta(days=DAYS_BEFORE)
                    else None,
                )
            )
    Visit.objects.bulk_create(rows, batch_size=BATCH)
    board.counts["visits"] = len(rows)
