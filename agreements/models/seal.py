from django.db import models
from django.utils.translation import gettext_lazy as _


class InstallationSeal(models.Model):
    """The key this installation seals with when a school has no seal certificate of its own.

    Made on first use (agreements.seal.installation_signer); the private key is stored
    encrypted with a key derived from SECRET_KEY, so a database copy alone cannot seal.
    """

    name = models.CharField(max_length=40, unique=True)
    certificate_pem = models.TextField()
    key_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interne zegel")
        verbose_name_plural = _("interne zegels")

    def __str__(self):
        return self.name
