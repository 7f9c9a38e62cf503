from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from stagebeheer.demo import DEMO_PASSWORD, USERS, seed_core


class Command(BaseCommand):
    help = "Create or refresh the demo school board. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Seed although DEBUG is off (a demo or test server, never a school's database).",
        )

    def handle(self, *args, **options):
        # The demo creates an administrator whose password is in the repository:
        # never on a production database by accident.
        allowed = (
            settings.DEBUG or options["allow_without_debug"] or getattr(settings, "DEMO_SEED_ALLOWED", False)
        )
        if not allowed:
            raise CommandError(
                "seed_demo creates demo accounts with a published password and refuses to run "
                "without DEBUG. On a demo server, pass --allow-without-debug."
            )
        with transaction.atomic():
            core = seed_core()
            modules = []
            for config in apps.get_app_configs():
                if config.name == "stagebeheer":
                    continue
                try:
                    modules.append(import_module(f"{config.name}.demo"))
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
            # Past school years first (placements, then any app's seed_history), so
            # every app seeds the whole demo in one run and a second run adds nothing.
            modules[0].seed(core)
            for module in modules:
                if hasattr(module, "seed_history"):
                    module.seed_history(core)
            for module in modules[1:]:
                module.seed(core)
        self.stdout.write(self.style.SUCCESS("Demo ready. Log in at http://127.0.0.1:8000 with:"))
        rows = [(core.users["admin"].email, "beheerder (admin)")]
        rows += [
            (email, ", ".join(sorted({role for _, role in roles}))) for email, _, roles in USERS.values()
        ]
        for email, what in rows:
            self.stdout.write(f"  {email:<42} {what}")
        self.stdout.write(f"  password for all: {DEMO_PASSWORD}")
