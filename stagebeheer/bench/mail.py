"""The outbox of the benchmark board: 200,000 mails, nearly all sent."""

from datetime import timedelta

from django.utils import timezone

from stagebeheer.bench import copy_rows
from stagebeheer.models import OutgoingMessage

ORDER = 100
FIELDS = (
    "to_email",
    "to_name",
    "subject",
    "body_text",
    "body_html",
    "department",
    "status",
    "message_id",
    "claimed_by",
    "fate_unknown",
    "attempts",
    "last_error",
    "created_at",
    "sent_at",
)
BODY = "Beste ontvanger,\n\nDit is een bericht over de stage.\n\nMet vriendelijke groet,\nDe school"


def seed(board):
    total = board.n(200_000)
    now = timezone.now()
    departments = [d.pk for d in board.departments]

    def rows():
        for i in range(total):
            status = "failed" if i % 500 == 0 else ("queued" if i % 997 == 0 else "sent")
            sent = now - timedelta(minutes=i * 7) if status == "sent" else None
            # Stored now (as the model's auto_now_add would), so no queued mail looks stale.
            yield (
                f"ontvanger{i % 5000}@bench.example",
                f"Ontvanger {i % 5000}",
                f"Bericht {i} over de stage",
                BODY,
                "",
                departments[i % len(departments)],
                status,
                "",
                "",
                False,
                1,
                "",
                now,
                sent,
            )

    # COPY: building 200,000 model instances took a fifth of the seed.
    copy_rows(OutgoingMessage, FIELDS, rows())
    board.counts["mails"] = total
