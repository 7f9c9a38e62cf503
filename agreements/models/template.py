"""Versioned wording of an agreement per department and kind."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agreements.models.kinds import AgreementKind
from stagebeheer import permissions


class AgreementTemplateQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.agreement_templates_visible(self, user)

    def editable_by(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.agreement_templates_editable(self, user)


class AgreementTemplate(models.Model):
    """One version of the wording. Editing makes a new row, so an agreement
    keeps pointing at the exact wording it was made with."""

    department = models.ForeignKey(
        "stagebeheer.Department", on_delete=models.CASCADE, related_name="+", verbose_name=_("afdeling")
    )
    kind = models.CharField(_("soort"), max_length=3, choices=AgreementKind.choices)
    version = models.PositiveIntegerField(_("versie"))
    title = models.CharField(_("titel"), max_length=120)
    intro = models.TextField(_("inleiding"))
    closing = models.TextField(_("slottekst"))
    # element key -> wording printed above the element's value (agreements.elements).
    element_wording = models.JSONField(_("tekst per onderdeel"), default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AgreementTemplateQuerySet.as_manager()

    class Meta:
        verbose_name = _("sjabloon overeenkomst")
        verbose_name_plural = _("sjablonen overeenkomst")
        ordering = ["department", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "kind", "version"], name="agreementtemplate_version"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=AgreementKind.values), name="agreementtemplate_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.title} v{self.version}"

    @classmethod
    def current(cls, department, kind):
        """The newest version; the first use makes version 1 from the default wording."""
        from agreements.wording import default_wording

        latest = cls.objects.filter(department=department, kind=kind).order_by("-version").first()
        if latest:
            return latest
        wording = default_wording(kind)
        template, _created = cls.objects.get_or_create(
            department=department,
            kind=kind,
            version=1,
            defaults={
                "title": wording["title"],
                "intro": wording["intro"],
                "closing": wording["closing"],
                "element_wording": wording["elements"],
            },
        )
        return template
