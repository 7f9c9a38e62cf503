import contextlib
import random
import time
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from stagebeheer.bench import BENCH_BOARD, Board, school_years
from stagebeheer.models import School


def seeders():
    """stagebeheer's core first, then each app's ``bench`` module by ORDER, mail last."""
    modules = [import_module("stagebeheer.bench.core"), import_module("stagebeheer.bench.mail")]
    for config in apps.get_app_configs():
        if config.name == "stagebeheer":
            continue  # its parts are the two above
        try:
            modules.append(import_module(f"{config.name}.bench"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.bench":
                raise
    return sorted(
        modules, key=lambda m: getattr(m, "ORDER", 0) if m.__name__ != "stagebeheer.bench.core" else -1
    )


@contextlib.contextmanager
def _without_audit_trail():
    """The audit trail's row triggers (pghistory) skip this transaction's rows:
    an event per synthetic row (each trigger opening a subtransaction) made the
    seed take well over three minutes. The board benchmark reads no audit page.
    Set once for the transaction, as pgtrigger.ignore() does before every query
    (which would render each 2,000-row INSERT to a string first)."""
    if connection.vendor == "postgresql":
        import pgtrigger.registry

        names = sorted(trigger.get_pgid(model) for model, trigger in pgtrigger.registry.registered())
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('pgtrigger.ignore', %s, true)", ["{" + ",".join(names) + "}"])
    yield


class Command(BaseCommand):
    help = "Build the deterministic benchmark board (bulk inserts). Refuses a database with real data."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = 12,000 students, 30,000 placements")
        parser.add_argument("--fresh", action="store_true", help="Remove an earlier benchmark board first.")

    def handle(self, *args, scale, fresh, **options):
        if not 0 < scale <= 4:
            raise CommandError("--scale must be above 0 and at most 4.")
        # Only an empty database or one holding nothing but an earlier benchmark board.
        if School.objects.exclude(board_name__startswith=BENCH_BOARD).exists():
            raise CommandError(
                "This database holds schools that are not the benchmark board; seed_bench refuses."
            )
        existing = School.objects.filter(board_name__startswith=BENCH_BOARD)
        marker = f"{BENCH_BOARD} (schaal {scale:g})"
        if existing.exists() and not fresh:
            if existing.filter(board_name=marker).count() == existing.count():
                self.stdout.write(f"The benchmark board at scale {scale:g} is already there.")
                return
            raise CommandError("A benchmark board of another scale is present; pass --fresh.")
        started = time.monotonic()
        if existing.exists():
            self._remove()
        with transaction.atomic(), _without_audit_trail():
            today = timezone.localdate()
            board = Board(scale=scale, today=today, rng=random.Random(20261201), years=school_years(today))  # nosec B311
            for module in seeders():
                module.seed(board)
                self.stdout.write(f"  {module.__name__}: {time.monotonic() - started:.0f} s")
            School.objects.filter(board_name=BENCH_BOARD).update(board_name=marker)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Planner statistics, and the visibility map a live server's
                # autovacuum keeps (it is off on the development PostgreSQL):
                # without it every COUNT reads the heap, e.g. the outbox's count
                # of one department's 16,667 mails visits all 6,137 pages of the
                # table (60-90 ms) instead of an index-only scan of 19 (2-10 ms).
                # VACUUM cannot run inside a transaction (a test's): ANALYZE then.
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
        figures = ", ".join(f"{n:,} {what}" for what, n in board.counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Benchmark board in {time.monotonic() - started:.0f} s: {figures}")
        )

    def _remove(self):
        # Checked above: the database holds nothing but the benchmark board, so
        # emptying every table is safe (and PROTECTed keys make piecemeal deletes long).
        call_command("flush", interactive=False, verbosity=0)
