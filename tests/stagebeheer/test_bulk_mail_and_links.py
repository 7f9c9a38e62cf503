"""The shared machinery of the periodic tasks: links, mails and the sweeper in
a fixed number of queries whatever the number, with the token handling of one."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stagebeheer.mail import queue_mails
from stagebeheer.models import AccessLink, OutgoingMessage
from stagebeheer.models.access_links import hash_token
from stagebeheer.tasks import requeue_stale_mail, send_message
from tests.querycount import count_calls

pytestmark = pytest.mark.django_db


def _specs(department, n):
    return [
        {
            "purpose": "evaluation",
            "target": department,
            "recipient_name": f"Piet {i}",
            "recipient_email": f"piet{i}@bedrijf.example",
            "department": department,
            "days": 3,
        }
        for i in range(n)
    ]


def test_issuing_many_links_is_one_insert_and_stores_only_hashes(department):
    AccessLink.issue_many(_specs(department, 1))  # warm the content-type cache
    pairs = []
    assert count_calls(lambda: pairs.extend(AccessLink.issue_many(_specs(department, 12)))) == 1
    assert len({token for _link, token in pairs}) == 12
    for link, token in pairs:
        stored = AccessLink.objects.get(pk=link.pk)
        assert stored.token_hash == hash_token(token) != token
        assert stored.is_usable
        assert stored.recipient_email == link.recipient_email
    assert not AccessLink.objects.filter(token_hash__in=[token for _link, token in pairs]).exists()


def test_an_unknown_purpose_is_refused_before_anything_is_stored(department):
    specs = _specs(department, 2)
    specs[1]["purpose"] = "nonsense"
    with pytest.raises(LookupError):
        AccessLink.issue_many(specs)
    assert not AccessLink.objects.exists()


def test_revoking_the_links_of_many_targets_is_one_update(department, other_department):
    AccessLink.issue_many(_specs(department, 3) + _specs(other_department, 2))
    done = AccessLink.issue_many(_specs(department, 1))[0][0]
    done.claim_completion()
    assert count_calls(lambda: AccessLink.revoke_usable([department, other_department], "evaluation")) == 1
    assert not AccessLink.objects.usable().exists()
    assert AccessLink.objects.filter(revoked_at__isnull=False).count() == 5  # the completed one stays so


def _mails(department, n):
    return [
        {
            "to_email": f"piet{i}@bedrijf.example",
            "to_name": f"Piet {i}",
            "subject": "Contactmomenten",
            "template": "visits/mail/supervisor_reminder",
            "context": {"overdue": [], "due": [], "agenda_url": "https://x.example/agenda/"},
            "related": department,
            "department": department,
        }
        for i in range(n)
    ]


def test_queueing_many_mails_is_one_insert_and_one_dispatch_after_commit(
    department, django_capture_on_commit_callbacks, mailoutbox
):
    queue_mails(_mails(department, 1))
    with django_capture_on_commit_callbacks() as callbacks:
        assert count_calls(lambda: queue_mails(_mails(department, 12))) == 1
    assert len(callbacks) == 1
    rows = OutgoingMessage.objects.filter(subject="Contactmomenten", status="queued")
    assert rows.count() == 13
    assert set(rows.values_list("object_id", "department_id")) == {(department.pk, department.pk)}
    assert "Piet 11" in rows.get(to_email="piet11@bedrijf.example").body_text
    callbacks[0]()
    assert len(mailoutbox) == 12


def test_the_sweeper_takes_one_query_whatever_it_requeues(monkeypatch):
    pushed = []
    monkeypatch.setattr(send_message, "delay", pushed.append)

    def make_stale(n):
        rows = OutgoingMessage.objects.bulk_create(
            OutgoingMessage(to_email=f"p{i}@x.example", subject="Stage", body_text="Hallo") for i in range(n)
        )
        OutgoingMessage.objects.filter(pk__in=[r.pk for r in rows]).update(
            created_at=timezone.now() - timedelta(minutes=11)
        )

    make_stale(3)
    few = count_calls(requeue_stale_mail.run)
    OutgoingMessage.objects.all().delete()
    pushed.clear()
    make_stale(12)
    many = count_calls(requeue_stale_mail.run)
    assert few == many == 1
    assert len(pushed) == 12
