"""The host directory: organisations that offer places, and their people."""

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stagebeheer import permissions


class HostStatus(models.TextChoices):
    ACTIVE = "active", _("actief")
    ON_WATCH = "on_watch", _("onder toezicht")
    UNSUITABLE = "unsuitable", _("ongeschikt")
    # Entered by a student with an own find: not offered to others until checked.
    TO_CHECK = "to_check", _("te controleren")


class HostQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.hosts_visible(self, user)

    def editable_by(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.hosts_editable(self, user)


class Host(models.Model):
    school = models.ForeignKey(
        "stagebeheer.School", on_delete=models.PROTECT, related_name="hosts", verbose_name=_("school")
    )
    name = models.CharField(_("naam"), max_length=200)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    # The recognition the school enters; SBB's register is never copied (LAW.md).
    sbb_number = models.CharField(_("SBB-erkenningsnummer"), max_length=20, blank=True)
    sbb_valid_until = models.DateField(_("erkenning geldig tot"), null=True, blank=True)
    capacity = models.PositiveSmallIntegerField(_("plaatsen per periode"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=HostStatus.choices, default=HostStatus.ACTIVE
    )
    status_reason = models.TextField(_("reden van de status"), blank=True)
    status_changed_on = models.DateField(_("status gewijzigd op"), null=True, blank=True)
    # Under-18s may not work with hazardous substances here without expert supervision.
    hazardous_for_minors = models.BooleanField(_("gevaarlijk werk voor minderjarigen"), default=False)
    # Kinds a plan may forbid (bezorgwerk, uitzendbureau); see plan.HostKind.
    kinds = models.JSONField(_("soort bedrijf"), default=list, blank=True)
    notes = models.TextField(_("notities"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HostQuerySet.as_manager()

    class Meta:
        verbose_name = _("stagebedrijf")
        verbose_name_plural = _("stagebedrijven")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=HostStatus.values), name="host_status_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["school", "name"], name="host_school_name_idx"),
            models.Index(fields=["school", "city"], name="host_school_city_idx"),
        ]

    def __str__(self):
        return self.name

    def has_valid_sbb(self, on: date | None = None) -> bool:
        """A lapsed recognition counts as none."""
        on = on or timezone.localdate()
        return bool(self.sbb_number and self.sbb_valid_until and self.sbb_valid_until >= on)

    @property
    def is_unsuitable(self) -> bool:
        return self.status == HostStatus.UNSUITABLE

    @property
    def is_to_check(self) -> bool:
        return self.status == HostStatus.TO_CHECK


class WorkplaceSupervisorQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(host__in=Host.objects.visible_to(user))


class WorkplaceSupervisor(models.Model):
    """The praktijkbegeleider: guides the student at the host; has no account."""

    host = models.ForeignKey(Host, on_delete=models.CASCADE, related_name="workplace_supervisors")
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    position = models.CharField(_("functie"), max_length=100, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)

    objects = WorkplaceSupervisorQuerySet.as_manager()

    class Meta:
        verbose_name = _("praktijkbegeleider")
        verbose_name_plural = _("praktijkbegeleiders")
        ordering = ["name"]

    def __str__(self):
        return self.name
