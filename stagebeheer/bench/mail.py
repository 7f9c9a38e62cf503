"""The outbox of the benchmark board: 200,000 mails, nearly all sent."""

from datetime import timedelta

from django.utils import timezone

from stagebeheer.bench import BATCH
from stagebeheer.models import OutgoingMessage

ORDER = 100


def seed(board):
    total = board.n(200_000)
    now = timezone.now()
    departments = board.departments

    def rows():
        for i in range(total):
            status = "failed" if i % 500 == 0 else ("queued" if i % 997 == 0 else "sent")
            created = now - timedelta(minutes=i * 7)
            yield OutgoingMessage(
                to_email=f"ontvanger{i % 5000}@bench.example",
                to_name=f"Ontvanger {i % 5000}",
                subject=f"Bericht {i} over de stage",
                body_text="Beste ontvanger,\n\nDit is een bericht over de stage.\n\nMet vriendelijke groet,\nDe school",
                department=departments[i % len(departments)],
                status=status,
                attempts=1,
                sent_at=created if status == "sent" else None,
            )

    OutgoingMessage.objects.bulk_create(rows(), batch_size=BATCH)
    board.counts["mails"] = total
