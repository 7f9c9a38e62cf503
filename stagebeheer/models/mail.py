"""Every outgoing message is a row first; a Celery task sends it."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from stagebeheer import permissions


class OutgoingMessageQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.coordinator_rows(self, user)


class OutgoingMessage(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("in wachtrij")
        SENDING = "sending", _("wordt verzonden")
        SENT = "sent", _("verzonden")
        FAILED = "failed", _("mislukt")

    to_email = models.EmailField(_("aan"))
    to_name = models.CharField(_("naam"), max_length=150, blank=True)
    subject = models.CharField(_("onderwerp"), max_length=200)
    body_text = models.TextField(_("tekst"))
    body_html = models.TextField(_("HTML"), blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    related = GenericForeignKey("content_type", "object_id")
    # Whose coordinators see this message in the outbox.
    department = models.ForeignKey(
        "stagebeheer.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afdeling"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    # The Message-ID of the current attempt; the links' tokens are derived from
    # it (see stagebeheer.mail_tokens), so it is renewed when a mail is sent anew.
    message_id = models.CharField(_("Message-ID"), max_length=200, blank=True, editable=False)
    # The lease on the sending claim: a claim whose lease ran out (the worker was
    # killed) is taken over by a redelivered task or the sweeper.
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_by = models.CharField(max_length=100, blank=True, editable=False)
    # Set when the message itself starts going to the SMTP server. A taken-over
    # claim with this set may have been delivered: it is sent once more with the
    # same Message-ID (so mail programs show one) and marked fate_unknown.
    exchange_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    fate_unknown = models.BooleanField(_("afloop onbekend"), default=False)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("laatste fout"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    objects = OutgoingMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "sending", "sent", "failed"]),
                name="outgoingmessage_status_valid",
            ),
        ]
        indexes = [
            # The outbox page: a department's messages, newest first.
            models.Index(fields=["department", "-created_at"], name="outgoing_dept_created_idx"),
            # The sweeper: queued messages older than a few minutes.
            models.Index(fields=["status", "created_at"], name="outgoing_status_created_idx"),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to_email}"

    @property
    def can_be_sent_again(self) -> bool:
        """Failed, or stuck: held by a worker whose lease ran out, or queued
        long ago and never picked up (the broker was away)."""
        from datetime import timedelta

        from django.conf import settings
        from django.utils import timezone

        now = timezone.now()
        if self.status == self.Status.FAILED:
            return True
        if self.status == self.Status.SENDING:
            return self.claimed_at is None or self.claimed_at < now - timedelta(
                seconds=settings.MAIL_LEASE_SECONDS
            )
        return self.status == self.Status.QUEUED and self.created_at < now - timedelta(minutes=10)

    def set_related(self, obj):
        self.content_type = ContentType.objects.get_for_model(obj)
        self.object_id = obj.pk
