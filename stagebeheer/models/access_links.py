"""One model for every emailed link to someone without an account."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stagebeheer import permissions


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class AccessLinkQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.coordinator_rows(self, user)

    def usable(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, completed_at__isnull=True, expires_at__gt=now)

    def for_target(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class AccessLink(models.Model):
    """A link with one purpose and one target. Only the token's hash is stored,
    and a stored mail holds a placeholder where the token goes (it is issued
    when the mail is sent, see stagebeheer.mail_tokens), so a database leak
    does not leak working links."""

    class State(models.TextChoices):
        ACTIVE = "active", _("bruikbaar")
        EXPIRED = "expired", _("verlopen")
        REVOKED = "revoked", _("ingetrokken")
        COMPLETED = "completed", _("afgerond")

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Validated against the handler registry (stagebeheer.links); each app adds
    # its own purposes there, so there is no fixed list to check in the database.
    purpose = models.CharField(_("doel"), max_length=40)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    department = models.ForeignKey(
        "stagebeheer.Department", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    recipient_name = models.CharField(_("naam ontvanger"), max_length=150)
    recipient_email = models.EmailField(_("e-mail ontvanger"))
    # A short note on whose behalf the recipient acts (e.g. "ouder van ...").
    recipient_role = models.CharField(_("rol ontvanger"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    expires_at = models.DateTimeField(_("verloopt op"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    objects = AccessLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        indexes = [
            # Finding a target's links (revoke all, "has this party been sent one?").
            models.Index(fields=["content_type", "object_id", "purpose"], name="accesslink_target_idx"),
        ]

    def __str__(self):
        return f"{self.purpose} → {self.recipient_email}"

    @classmethod
    def issue(
        cls,
        *,
        purpose,
        target,
        recipient_name,
        recipient_email,
        department=None,
        days=None,
        created_by=None,
        recipient_role="",
    ):
        """Create a link and return (link, token). The token exists only in the
        return value and the mail; it cannot be recovered from the database."""
        spec = {
            "purpose": purpose,
            "target": target,
            "recipient_name": recipient_name,
            "recipient_email": recipient_email,
            "department": department,
            "days": days,
            "created_by": created_by,
            "recipient_role": recipient_role,
        }
        return cls.issue_many([spec])[0]

    @classmethod
    def issue_many(cls, specs) -> list[tuple["AccessLink", str]]:
        """``issue`` for many links in one INSERT; each spec is a dict of its
        keywords. Returns (link, token) pairs in the order given."""
        from stagebeheer.links import get_handler

        now = timezone.now()
        pairs = []
        for spec in specs:
            get_handler(spec["purpose"])  # unknown purposes fail here, not when opened
            token = secrets.token_urlsafe(32)
            target = spec["target"]
            link = cls(
                token_hash=hash_token(token),
                purpose=spec["purpose"],
                content_type=ContentType.objects.get_for_model(target),
                object_id=target.pk,
                department=spec.get("department"),
                recipient_name=spec["recipient_name"],
                recipient_email=spec["recipient_email"],
                recipient_role=spec.get("recipient_role", ""),
                created_by=spec.get("created_by"),
                expires_at=now + timedelta(days=spec.get("days") or settings.ACCESS_LINK_DAYS),
            )
            pairs.append((link, token))
        if pairs:
            cls.objects.bulk_create([link for link, _token in pairs])
        return pairs

    @classmethod
    def revoke_usable(cls, targets, purpose) -> int:
        """End the usable links of ``purpose`` of all ``targets`` (one model) in one UPDATE."""
        targets = list(targets)
        if not targets:
            return 0
        return (
            cls.objects.filter(
                content_type=ContentType.objects.get_for_model(targets[0]),
                object_id__in=[t.pk for t in targets],
                purpose=purpose,
            )
            .usable()
            .update(revoked_at=timezone.now())
        )

    @staticmethod
    def url_for(token: str) -> str:
        return f"{settings.SITE_URL}/l/{token}/"

    @property
    def mail_url(self) -> str:
        """The link as a stored mail holds it: a placeholder that the sending
        task replaces with a token issued for that send."""
        from stagebeheer.mail_tokens import link_placeholder

        return self.url_for(link_placeholder(self.pk))

    @property
    def state(self) -> str:
        if self.revoked_at:
            return self.State.REVOKED
        if self.completed_at:
            return self.State.COMPLETED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.ACTIVE

    @property
    def is_usable(self) -> bool:
        return self.state == self.State.ACTIVE

    def claim_completion(self) -> bool:
        """Mark the link used. Returns False when it was no longer usable, so a
        double submit or a race between two tabs stores the answer once."""
        now = timezone.now()
        claimed = AccessLink.objects.usable().filter(pk=self.pk).update(completed_at=now) == 1
        if claimed:
            self.completed_at = now
        return claimed

    def revoke(self) -> None:
        now = timezone.now()
        if AccessLink.objects.filter(pk=self.pk, revoked_at__isnull=True).update(revoked_at=now):
            self.revoked_at = now
