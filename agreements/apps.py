from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Overeenkomsten")

    def ready(self):
        from agreements import receivers, services
        from placements.services import register_activation_guard

        # Only a fully signed current agreement lets a placement become active.
        register_activation_guard(services.activation_guard)
        receivers.connect()
