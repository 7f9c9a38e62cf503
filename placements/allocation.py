"""The cohort allocation: every student of a wish round to at most one place.

Pure computation on plain data (no database), so it can be tested against brute
force and benchmarked. The service (``placements.wish_rounds``) decides which
(student, host) pairs are allowed by running the plan's rule functions
(``placements.rules``) and passes only those in: a pair that is not passed in
cannot be proposed, so the proposal never breaks a rule.

Fairness order (issue 15), lexicographic:
  1. place as many students as possible;
  2. then leave as few students with a usable wish unplaced as possible (a free
     place goes to a student who chose before one who did not);
  3. then make the worst wish rank any placed student gets as good as possible;
  4. then the sum of ranks (a place found for a student without usable wish
     counts as rank MAX_WISHES + 1);
  5. then the sum of straight-line km, and finally the order of the input, so a
     run is deterministic for the same input.

How it is encoded with SciPy's maintained sparse assignment routines:
  - each host with c free places becomes c identical slot columns, each student
    a row; every student also gets a private "unplaced" column, so a full
    matching of the rows always exists;
  - (1)-(3): ``maximum_bipartite_matching`` gives M, the most students that can
    be placed at all, and W, the most students with wishes that can be placed
    on a wish. The smallest rank bound k for which the wish edges of rank <= k
    still place W wishing students and, with the nearest places of the others,
    M students in all, is the best possible worst rank. (Both at once is
    possible: the row sets a bipartite graph can match form a matroid, so the W
    wishing rows extend to a maximum matching.)
  - (2), (4), (5): ``min_weight_full_bipartite_matching`` (LAPJVsp) on the edges
    within bound k, with integer costs rank * D + km (D above any km sum); the
    "unplaced" column of a student with wishes costs U + V, of one without U,
    where V exceeds every total of placed costs and U every total of V's: one
    more placed student outweighs everything, then one more wishing student
    placed, then ranks, then km. All costs stay below 2**53, so float64 holds
    them exactly.
Duo wishes: a mutual pair (each named the other) is placed together first, at the
host both wished that has two free places, best by (worse rank, sum of ranks);
the rest of the cohort is then allocated as above.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching, min_weight_full_bipartite_matching

MAX_RANK = 5
NEAREST_RANK = MAX_RANK + 1
MAX_KM = 500


@dataclass(frozen=True)
class Candidate:
    """One student: usable wishes as (host, rank, km), and for a student without
    usable wish the nearest eligible places as (host, km)."""

    student: int
    wishes: tuple[tuple[int, int, float], ...] = ()
    nearest: tuple[tuple[int, float], ...] = ()
    duo_with: int | None = None


@dataclass(frozen=True)
class Assignment:
    host: int | None
    rank: int | None  # the wish rank; None for a nearest place or unplaced
    km: float | None
    how: str  # "wish", "nearest", "duo", "full" (wishes had no room), "no_wish"


@dataclass
class Result:
    assignments: dict[int, Assignment] = field(default_factory=dict)
    worst_rank: int | None = None

    def key(self):
        """The fairness order as a sortable key (smaller is better); criterion 5 is left out."""
        placed = [a for a in self.assignments.values() if a.host is not None]
        waiting = sum(1 for a in self.assignments.values() if a.host is None and a.how == "full")
        ranks = [a.rank for a in placed if a.rank is not None]
        total = sum(ranks) + NEAREST_RANK * sum(1 for a in placed if a.rank is None)
        return (-len(placed), waiting, max(ranks, default=0), total)


def _km(value) -> int:
    return round(min(float(value if value is not None else MAX_KM), MAX_KM))


def _honour_duos(candidates: list[Candidate], capacity: dict[int, int]) -> dict[int, Assignment]:
    by_id = {c.student: c for c in candidates}
    placed: dict[int, Assignment] = {}
    for c in sorted(candidates, key=lambda c: c.student):
        partner = by_id.get(c.duo_with) if c.duo_with is not None else None
        if partner is None or partner.duo_with != c.student or c.student > partner.student:
            continue
        if c.student in placed or partner.student in placed:
            continue
        mine = {h: (r, k) for h, r, k in c.wishes}
        theirs = {h: (r, k) for h, r, k in partner.wishes}
        common = sorted(
            (max(mine[h][0], theirs[h][0]), mine[h][0] + theirs[h][0], h) for h in mine.keys() & theirs.keys()
        )
        for _worst, _sum, host in common:
            if capacity.get(host, 0) >= 2:
                capacity[host] -= 2
                placed[c.student] = Assignment(host, mine[host][0], mine[host][1], "duo")
                placed[partner.student] = Assignment(host, theirs[host][0], theirs[host][1], "duo")
                break
    return placed


def allocate(candidates: list[Candidate], capacity: dict[int, int]) -> Result:
    """Assign each candidate to at most one host; ``capacity`` is free places per host."""
    capacity = {h: int(n) for h, n in capacity.items() if n > 0}
    result = Result()
    result.assignments.update(_honour_duos(candidates, capacity))
    rest = [c for c in candidates if c.student not in result.assignments]
    if not rest:
        return _finish(result, candidates)

    hosts = sorted(capacity)
    first_slot, slots = {}, 0
    for host in hosts:
        first_slot[host] = slots
        slots += capacity[host]

    # Edges (row, host, rank level, km); rank level NEAREST_RANK for nearest places.
    rows, cols, levels, kms = [], [], [], []
    for i, c in enumerate(rest):
        options = (
            [(h, r, k) for h, r, k in c.wishes] if c.wishes else [(h, NEAREST_RANK, k) for h, k in c.nearest]
        )
        for host, level, km in options:
            if host not in first_slot:
                continue
            for s in range(capacity[host]):
                rows.append(i)
                cols.append(first_slot[host] + s)
                levels.append(level)
                kms.append(_km(km))
    n = len(rest)
    rows_a = np.asarray(rows, dtype=np.int64)
    cols_a = np.asarray(cols, dtype=np.int64)
    levels_a = np.asarray(levels, dtype=np.int64)
    kms_a = np.asarray(kms, dtype=np.int64)

    def placed_count(mask) -> int:
        if not mask.any():
            return 0
        graph = csr_matrix((np.ones(int(mask.sum())), (rows_a[mask], cols_a[mask])), shape=(n, max(slots, 1)))
        return int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())

    wishing_rows = np.array([bool(c.wishes) for c in rest], dtype=bool)
    nearest = levels_a == NEAREST_RANK
    most = placed_count(np.ones(len(rows_a), dtype=bool))
    most_wishing = placed_count(~nearest)
    bound = MAX_RANK
    for k in range(1, MAX_RANK + 1):
        within = (levels_a <= k) & ~nearest
        if placed_count(within) == most_wishing and placed_count(within | nearest) == most:
            bound = k
            break
    keep = (levels_a <= bound) | nearest

    big_d = MAX_KM * n + 1
    big_v = (NEAREST_RANK + 1) * big_d * n + 1
    big_u = (big_v + 1) * (n + 1)
    cost = levels_a[keep] * big_d + kms_a[keep] + 1  # +1: no zero-cost edge
    unplaced = np.where(wishing_rows, big_u + big_v, big_u)
    graph_rows = np.concatenate([rows_a[keep], np.arange(n)])
    graph_cols = np.concatenate([cols_a[keep], slots + np.arange(n)])
    graph_cost = np.concatenate([cost, unplaced]).astype(np.float64)
    graph = csr_matrix((graph_cost, (graph_rows, graph_cols)), shape=(n, slots + n))
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)

    slot_host = np.empty(max(slots, 1), dtype=np.int64)
    for host in hosts:
        slot_host[first_slot[host] : first_slot[host] + capacity[host]] = host
    for i, col in zip(row_ind, col_ind, strict=True):
        c = rest[i]
        if col >= slots:
            result.assignments[c.student] = Assignment(None, None, None, "full" if c.wishes else "no_wish")
            continue
        host = int(slot_host[col])
        if c.wishes:
            rank, km = next((r, k) for h, r, k in c.wishes if h == host)
            result.assignments[c.student] = Assignment(host, rank, km, "wish")
        else:
            km = next(k for h, k in c.nearest if h == host)
            result.assignments[c.student] = Assignment(host, None, km, "nearest")
    return _finish(result, candidates)


def _finish(result: Result, candidates) -> Result:
    for c in candidates:
        result.assignments.setdefault(
            c.student, Assignment(None, None, None, "full" if c.wishes else "no_wish")
        )
    ranks = [a.rank for a in result.assignments.values() if a.rank is not None]
    result.worst_rank = max(ranks, default=None)
    return result
