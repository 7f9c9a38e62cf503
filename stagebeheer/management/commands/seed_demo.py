from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from stagebeheer.demo import DEMO_PASSWORD, USERS, seed_core


class Command(BaseCommand):
    help = "Create or refresh the demo school board. Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            core = seed_core()
            for config in apps.get_app_configs():
                if config.name == "stagebeheer":
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.seed(core)
        self.stdout.write(self.style.SUCCESS("Demo ready. Log in at http://127.0.0.1:8000 with:"))
        rows = [(core.users["admin"].email, "beheerder (admin)")]
        rows += [
            (email, ", ".join(sorted({role for _, role in roles}))) for email, _, roles in USERS.values()
        ]
        for email, what in rows:
            self.stdout.write(f"  {email:<42} {what}")
        self.stdout.write(f"  password for all: {DEMO_PASSWORD}")
