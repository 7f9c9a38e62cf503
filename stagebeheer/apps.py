from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StagebeheerConfig(AppConfig):
    name = "stagebeheer"
    verbose_name = _("Stagebeheer")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from stagebeheer import checks  # noqa: F401 - registers system checks
        from stagebeheer.middleware import mark_sign_in

        user_logged_in.connect(mark_sign_in, dispatch_uid="stagebeheer-mark-sign-in")
