"""The outbox page stays flat as the number of messages grows."""

import pytest

from stagebeheer.models import OutgoingMessage

pytestmark = pytest.mark.django_db


def _messages(department, n):
    OutgoingMessage.objects.bulk_create(
        OutgoingMessage(
            to_email=f"ouder{i}@thuis.example",
            subject=f"Bericht {i}",
            body_text="x" * 2000,
            department=department,
            status="sent",
        )
        for i in range(n)
    )


def test_outbox_page_with_100_and_20000_messages(bench, login, coordinator, department):
    client = login(coordinator)
    _messages(department, 100)
    small = bench("outbox page, 100 messages", lambda: client.get("/mail/"))
    _messages(department, 19_900)
    large = bench("outbox page, 20,000 messages", lambda: client.get("/mail/"))
    print(f"ratio 20,000 / 100 messages: {large / small:.2f}x")
