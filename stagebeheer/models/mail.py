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

    def set_related(self, obj):
        self.content_type = ContentType.objects.get_for_model(obj)
        self.object_id = obj.pk
