"""Unsigned parties are reminded after 3 and 7 days; the coordinator hears after 10."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements.models import SignatureRequest
from agreements.reminders import send_reminders
from stagebeheer.models import AccessLink, OutgoingMessage

pytestmark = pytest.mark.django_db


def _age(agreement, days):
    sent = timezone.now() - timedelta(days=days, minutes=1)
    SignatureRequest.objects.filter(agreement=agreement).update(sent_at=sent)
    type(agreement).objects.filter(pk=agreement.pk).update(sent_at=sent)


def _reminders():
    return OutgoingMessage.objects.filter(subject__startswith="Herinnering")


def test_nobody_is_reminded_within_three_days(sent_agreement):
    agreement, _urls = sent_agreement
    _age(agreement, 2)
    assert send_reminders() == {"reminders": 0, "coordinators": 0}


def test_unsigned_parties_get_a_reminder_with_a_fresh_link_after_three_days(sent_agreement, client):
    agreement, urls = sent_agreement
    client.post(urls["host"], {"name": "Henk de Bakker", "confirm": "on", "document": agreement.pdf_sha256})
    _age(agreement, 3)
    assert send_reminders()["reminders"] == 1
    assert list(_reminders().values_list("to_email", flat=True)) == ["ouder@thuis.example"]
    assert AccessLink.objects.filter(recipient_email="ouder@thuis.example").count() == 2
    # One working link per signer: the first one ended with the reminder.
    assert AccessLink.objects.filter(recipient_email="ouder@thuis.example").usable().count() == 1
    assert client.get(urls["student"]).status_code == 410


def test_running_twice_reminds_once(sent_agreement):
    agreement, _urls = sent_agreement
    _age(agreement, 3)
    send_reminders()
    send_reminders()
    assert _reminders().count() == 2  # host and guardian, once each


def test_a_second_reminder_goes_out_after_seven_days(sent_agreement):
    agreement, _urls = sent_agreement
    _age(agreement, 3)
    send_reminders()
    _age(agreement, 7)
    assert send_reminders()["reminders"] == 2
    assert set(SignatureRequest.objects.exclude(party="school").values_list("reminders_sent", flat=True)) == {
        2
    }
    _age(agreement, 8)
    assert send_reminders()["reminders"] == 0


def test_the_coordinator_hears_who_has_not_signed_after_ten_days(sent_agreement, coordinator):
    agreement, _urls = sent_agreement
    _age(agreement, 10)
    assert send_reminders()["coordinators"] == 1
    message = OutgoingMessage.objects.get(to_email=coordinator.email)
    assert "Marieke Verhoeven" in message.body_text
    assert "stagebedrijf" in message.body_text
    assert send_reminders()["coordinators"] == 0
