from django.core.management.base import BaseCommand

from audit import retention


class Command(BaseCommand):
    help = "Anonymise and delete what has passed its retention period (docs/privacy.md)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be removed.")

    def handle(self, *args, dry_run=False, **options):
        run = retention.run(dry_run=dry_run)
        for key, value in run.summary.items():
            self.stdout.write(f"{key}: {value}")
        self.stdout.write(self.style.SUCCESS(f"run {run.pk}{' (dry run)' if dry_run else ''}"))
