"""A deterministic school board at benchmark scale (``manage.py seed_bench``).

Each app seeds its part in ``<app>/bench.py``: a ``seed(board)`` function and an
``ORDER`` (core first, mail last). Everything goes in with bulk inserts, so the
default scale (12 departments, 12,000 students, 30,000 placements over three
school years, 200,000 mails) takes a few minutes on 2 cores."""

import random
from dataclasses import dataclass, field
from datetime import date

BENCH_BOARD = "Bestuur Benchmark"  # marks the board's schools; real data never carries it
BATCH = 2000


@dataclass
class Board:
    scale: float
    today: date
    rng: random.Random
    years: list[str]  # three school years, oldest first, the current one last
    schools: list = field(default_factory=list)
    departments: list = field(default_factory=list)
    users: dict = field(
        default_factory=dict
    )  # per department: {"coordinator": [...], "supervisor": [...], ...}
    placements: list = field(
        default_factory=list
    )  # (pk, department_id, state, start, end, supervisor_id) tuples
    counts: dict = field(default_factory=dict)

    def n(self, full: int) -> int:
        """``full`` at scale 1, at least 1."""
        return max(1, round(full * self.scale))


def school_years(today: date) -> list[str]:
    first = today.year if today.month >= 8 else today.year - 1
    return [f"{y}-{y + 1}" for y in (first - 2, first - 1, first)]


def year_start(school_year: str) -> date:
    return date(int(school_year[:4]), 9, 1)


def copy_rows(model, fields, rows):
    """Insert plain tuples of ``fields`` into ``model``'s table: PostgreSQL's COPY
    where it is there (the score tables hold a million rows at scale 1, and
    building a model instance per row took most of the seed), bulk_create elsewhere."""
    from django.db import connection

    columns = [model._meta.get_field(f).column for f in fields]
    if connection.vendor != "postgresql":
        model.objects.bulk_create(
            (model(**dict(zip(columns, row, strict=True))) for row in rows), batch_size=BATCH
        )
        return
    connection.ensure_connection()
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.connection.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
