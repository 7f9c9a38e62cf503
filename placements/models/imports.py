"""The column mapping a school used last, so the next export from the same
administration system is mapped without hand work."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportMapping(models.Model):
    school = models.ForeignKey("stagebeheer.School", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=20)
    # {column key: header name as it stood in the file}; names, not positions,
    # because the next export may order its columns differently.
    columns = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("importkoppeling")
        constraints = [models.UniqueConstraint(fields=["school", "kind"], name="importmapping_school_kind")]

    def __str__(self):
        return f"{self.school_id}:{self.kind}"
