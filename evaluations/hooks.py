"""Hooks other apps fill in for the dashboards, so this app needs none of their models.

``assessment_figures``: the assessments app (issue 11) registers a function
``(department_ids, years) -> {year: {"rounds": {party: submitted}, "judgements":
{level: count}}}`` with ``register_assessment_figures``. It must run a fixed
number of queries. Until one is registered the dashboard says there is no data.
"""

_assessment_figures = None


def register_assessment_figures(func) -> None:
    global _assessment_figures
    _assessment_figures = func


def assessment_figures(department_ids, years):
    if _assessment_figures is None:
        return None
    return _assessment_figures(department_ids, years)


# ``dossier_assessments(placement) -> bytes | None``: the assessments app's page
# of a placement's assessments for the inspection dossier (None: no file).
_dossier_assessments = None


def register_dossier_assessments(func) -> None:
    global _dossier_assessments
    _dossier_assessments = func


def dossier_assessments(placement):
    if _dossier_assessments is None:
        return None
    return _dossier_assessments(placement)
