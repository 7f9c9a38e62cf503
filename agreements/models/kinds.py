from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    VO = "vo", _("stageovereenkomst (vo)")
    LWT = "lwt", _("leer-werkovereenkomst (lwt)")
    MBO = "mbo", _("praktijkovereenkomst (mbo)")
    HO = "ho", _("overeenkomst lerarenopleiding")
