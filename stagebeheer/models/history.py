"""Who changed what and when, for placements, agreements, assessments and concerns."""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _


def _shown(value):
    """A stored parameter in the active language (see stagebeheer.history)."""
    if not isinstance(value, dict):
        return value
    if "number" in value:
        return formats.number_format(Decimal(value["number"]), use_l10n=True)
    texts = value.get("i18n", {})
    return texts.get(translation.get_language() or settings.LANGUAGE_CODE) or texts.get("nl", "")


class HistoryEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    # Null for changes by someone without an account (through a link) or by the system.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    actor_label = models.CharField(_("door (naam)"), max_length=150, blank=True)
    action = models.CharField(_("actie"), max_length=40)
    # The Dutch text as stored; ``message`` and ``params`` render it in the reader's language.
    summary = models.CharField(_("omschrijving"), max_length=300)
    message = models.CharField(max_length=300, blank=True)
    params = models.JSONField(default=dict, blank=True)
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("geschiedenis")
        ordering = ["-at", "-pk"]
        indexes = [
            # A detail page's history list: one object's entries, newest first.
            models.Index(fields=["content_type", "object_id", "-at"], name="history_subject_idx"),
        ]

    def __str__(self):
        return f"{self.at:%d-%m-%Y %H:%M} {self.summary}"

    @property
    def text(self) -> str:
        """The line in the active language (the stored Dutch text for an old line)."""
        if not self.message:
            return self.summary
        params = {key: _shown(value) for key, value in self.params.items()}
        try:
            return (
                (translation.gettext(self.message) % params)[:300]
                if params
                else translation.gettext(self.message)
            )
        except (KeyError, TypeError, ValueError):
            return self.summary  # a translation that lost a placeholder: the Dutch text

    @property
    def who(self):
        return self.actor.full_name if self.actor_id else self.actor_label or _("systeem")
