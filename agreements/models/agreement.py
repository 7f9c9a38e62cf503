"""An agreement version for one placement, the requests to sign it and the signatures."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agreements.models.kinds import AgreementKind
from stagebeheer import permissions

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Party",
    "PdfStatus",
    "Signature",
    "SignatureMethod",
    "SignatureRequest",
]


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    SENT = "sent", _("ter ondertekening")
    SIGNED = "signed", _("ondertekend")
    OUTDATED = "outdated", _("vervallen (nieuwe versie)")
    WITHDRAWN = "withdrawn", _("ingetrokken")


# The version that counts for the placement; outdated and withdrawn ones stay readable.
LIVE_STATUSES = [AgreementStatus.DRAFT, AgreementStatus.SENT, AgreementStatus.SIGNED]


class PdfStatus(models.TextChoices):
    QUEUED = "queued", _("in wachtrij")
    RENDERING = "rendering", _("wordt gemaakt")
    DONE = "done", _("klaar")
    FAILED = "failed", _("mislukt")


class Party(models.TextChoices):
    SCHOOL = "school", _("school")
    HOST = "host", _("stagebedrijf")
    STUDENT = "student", _("leerling of ouder/verzorger")


class SignatureMethod(models.TextChoices):
    LINK = "link", _("via e-maillink")
    IN_APP = "in_app", _("in Stagebeheer")
    PAPER = "paper", _("op papier (scan geüpload)")


# Crockford's base32 without I, L, O and U: a code read aloud or typed from paper stays unambiguous.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_verification_code() -> str:
    """Twelve random characters (60 bits) in three groups, printed in every page's footer."""
    import secrets

    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _pdf_path(agreement, filename):
    return f"agreements/{agreement.placement_id}/{filename}"


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.agreements_visible(self, user)

    def editable_by(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.agreements_editable(self, user)

    def live(self):
        return self.filter(status__in=LIVE_STATUSES)


class Agreement(models.Model):
    placement = models.ForeignKey(
        "placements.Placement", on_delete=models.CASCADE, related_name="agreements", verbose_name=_("stage")
    )
    version = models.PositiveIntegerField(_("versie"))
    kind = models.CharField(_("soort"), max_length=3, choices=AgreementKind.choices)
    template = models.ForeignKey(
        "agreements.AgreementTemplate",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("sjabloon"),
    )
    status = models.CharField(_("status"), max_length=10, choices=AgreementStatus.choices, default="draft")
    # A snapshot of every element's value when this version was made, so an
    # old version reads the same after the placement changed.
    content = models.JSONField(_("inhoud"), default=dict)
    # Missing data, one line per element; an agreement with problems is not sent.
    problems = models.JSONField(_("ontbrekende gegevens"), default=list, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=_pdf_path, blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 van de PDF"), max_length=64, blank=True)
    pdf_status = models.CharField(_("PDF-status"), max_length=10, choices=PdfStatus.choices, default="queued")
    pdf_error = models.TextField(blank=True)
    signed_pdf = models.FileField(_("ondertekende PDF"), upload_to=_pdf_path, blank=True)
    signed_pdf_sha256 = models.CharField(max_length=64, blank=True)
    signed_pdf_status = models.CharField(max_length=10, choices=PdfStatus.choices, blank=True)
    # The code in the footer of every page; the public verification page looks it up.
    verification_code = models.CharField(
        _("controlecode"), max_length=14, unique=True, default=new_verification_code, editable=False
    )
    # Leases on the rendering claims: who renders since when. A claim whose lease
    # ran out (the worker was killed) is taken over by a redelivered task or the sweeper.
    pdf_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    pdf_claimed_by = models.CharField(max_length=100, blank=True, editable=False)
    signed_pdf_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    signed_pdf_claimed_by = models.CharField(max_length=100, blank=True, editable=False)
    scan = models.FileField(_("scan van de getekende overeenkomst"), upload_to=_pdf_path, blank=True)
    scan_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    signed_at = models.DateTimeField(_("ondertekend op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("vervallen of ingetrokken op"), null=True, blank=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("overeenkomst")
        verbose_name_plural = _("overeenkomsten")
        ordering = ["placement", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "version"], name="agreement_version_unique"),
            # One version counts at a time; the older ones are outdated or withdrawn.
            models.UniqueConstraint(
                fields=["placement"], condition=models.Q(status__in=LIVE_STATUSES), name="agreement_one_live"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AgreementStatus.values), name="agreement_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=AgreementKind.values), name="agreement_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(pdf_status__in=PdfStatus.values), name="agreement_pdf_status_valid"
            ),
        ]
        indexes = [
            # The coordinator's overview: sent agreements of a department, oldest first.
            models.Index(fields=["status", "sent_at"], name="agreement_status_sent_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version} — {self.placement_id}"

    @property
    def title(self):
        return self.content.get("title", "")

    @property
    def is_complete(self) -> bool:
        return not self.problems

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_STATUSES

    def signed_parties(self) -> set[str]:
        """Uses prefetched signatures when present."""
        return {s.party for s in self.signatures.all()}

    def unsigned_parties(self) -> list[str]:
        signed = self.signed_parties()
        return [p for p in Party.values if p not in signed]


class SignatureRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(agreement__in=Agreement.objects.visible_to(user).values("pk"))


class SignatureRequest(models.Model):
    """Who is asked to sign for one party, and what reminders went out.
    The emailed AccessLink points at this row."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="requests")
    party = models.CharField(_("partij"), max_length=10, choices=Party.choices)
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), blank=True)
    # "ouder/verzorger van ...", "praktijkbegeleider", "stagecoördinator".
    role_label = models.CharField(_("hoedanigheid"), max_length=150, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    # False when a coordinator signs in the app: no link, no reminders.
    by_link = models.BooleanField(_("tekent via e-maillink"), default=True)
    reminders_sent = models.PositiveSmallIntegerField(_("herinneringen"), default=0)
    coordinator_told_at = models.DateTimeField(null=True, blank=True)
    # The mail with the signed copy went out (agreements.services.copies), claimed once.
    copy_sent_at = models.DateTimeField(_("ondertekende versie gestuurd op"), null=True, blank=True)

    objects = SignatureRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("verzoek tot ondertekening")
        verbose_name_plural = _("verzoeken tot ondertekening")
        ordering = ["agreement", "party"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "party"], name="signaturerequest_party_unique"),
            models.CheckConstraint(
                condition=models.Q(party__in=Party.values), name="signaturerequest_party_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_party_display()}: {self.name}"


class Signature(models.Model):
    """One party's signature on one version, with the evidence of how it was given."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatures")
    party = models.CharField(_("partij"), max_length=10, choices=Party.choices)
    signer_name = models.CharField(_("naam ondertekenaar"), max_length=150)
    signer_role = models.CharField(_("hoedanigheid"), max_length=150, blank=True)
    method = models.CharField(_("wijze"), max_length=10, choices=SignatureMethod.choices)
    signed_at = models.DateTimeField(_("ondertekend op"))
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    # The hash of the exact PDF that was shown (or of the uploaded scan).
    pdf_sha256 = models.CharField(_("SHA-256 van het document"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    request = models.ForeignKey(
        SignatureRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ondertekening")
        verbose_name_plural = _("ondertekeningen")
        ordering = ["signed_at"]
        constraints = [
            # A double submit or two open tabs store one signature per party.
            models.UniqueConstraint(fields=["agreement", "party"], name="signature_party_unique"),
            models.CheckConstraint(condition=models.Q(party__in=Party.values), name="signature_party_valid"),
            models.CheckConstraint(
                condition=models.Q(method__in=SignatureMethod.values), name="signature_method_valid"
            ),
        ]

    def __str__(self):
        return f"{self.signer_name} ({self.get_party_display()})"
