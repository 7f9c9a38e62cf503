"""Reading is recorded where the law expects it (AVG art. 5(2), accountability):
opening a concern, a student's support needs, downloading an agreement or a
student's data (access request)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadKind(models.TextChoices):
    CONCERN = "concern", _("zorgmelding geopend")
    SUPPORT_NEEDS = "support_needs", _("ondersteuningsbehoefte bekeken")
    AGREEMENT_PDF = "agreement_pdf", _("stageovereenkomst gedownload")
    ACCESS_REQUEST = "access_request", _("inzageverzoek gedownload")
    TRAIL_EXPORT = "trail_export", _("audittrail geëxporteerd")


class ReadEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Administrators see every read; a coordinator the reads in her departments."""
        from stagebeheer.scoping import department_ids

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(department_id__in=department_ids(user, ["coordinator"]))


class ReadEvent(models.Model):
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    # Someone without an account, through a link: "purpose: name <email>".
    link_holder = models.CharField(_("via link"), max_length=250, blank=True)
    kind = models.CharField(_("wat"), max_length=20, choices=ReadKind.choices)
    # Empty for a read of many records at once (an export of the trail).
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The department the read record belongs to, so the pages scope by it
    # without joining every kind of record.
    department = models.ForeignKey(
        "stagebeheer.Department", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    label = models.CharField(_("record"), max_length=200, blank=True)

    objects = ReadEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzages")
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=["concern", "support_needs", "agreement_pdf", "access_request", "trail_export"]
                ),
                name="readevent_kind_valid",
            )
        ]
        indexes = [
            # "Who read this record?" on a record's history page.
            models.Index(fields=["content_type", "object_id", "-at"], name="readevent_subject_idx"),
        ]

    def __str__(self):
        return f"{self.at:%d-%m-%Y %H:%M} {self.get_kind_display()} {self.label}"

    @property
    def who(self):
        if self.user_id:
            return self.user.full_name
        return self.link_holder or _("systeem")
