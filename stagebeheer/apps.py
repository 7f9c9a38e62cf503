from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StagebeheerConfig(AppConfig):
    name = "stagebeheer"
    verbose_name = _("Stagebeheer")

    def ready(self):
        from stagebeheer import checks  # noqa: F401 - registers system checks
