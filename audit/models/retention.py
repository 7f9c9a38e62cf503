"""Every run of the retention job leaves one summary row (also a dry run)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRun(models.Model):
    started_at = models.DateTimeField(_("gestart"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    dry_run = models.BooleanField(_("proefdraai"), default=False)
    # {"students_anonymised": 3, "guardians_deleted": 4, ...}: counts only, no names.
    summary = models.JSONField(_("samenvatting"), default=dict)

    class Meta:
        verbose_name = _("bewaartermijnrun")
        verbose_name_plural = _("bewaartermijnruns")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.started_at:%d-%m-%Y %H:%M}{' (proef)' if self.dry_run else ''}"
