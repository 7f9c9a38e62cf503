"""What the pages, links, mails and the agreement call the people of a placement,
per kind of stage. Teacher education speaks of a student, a werkplekbegeleider,
a schoolopleider and an instituutsopleider (Samen Opleiden, LAW.md); mbo of a
student and a praktijkopleider; vo, pro and lwt of a leerling and a praktijkbegeleider.

Use ``role_word(kind, role)`` in code and ``{{ kind|role:"student" }}`` in
templates (placements_tags), with the plan's kind; where no placement or plan is
known the vo words stand.
"""

from django.utils.translation import gettext_lazy as _

VO_WORDS = {
    "student": _("leerling"),
    "students": _("leerlingen"),
    "workplace_supervisor": _("praktijkbegeleider"),
    "school_supervisor": _("stagebegeleider"),
    # In a sentence to someone outside the school: whose supervisor this is.
    "school_supervisor_of": _("stagebegeleider van school"),
    "school_trainer": _("schoolopleider"),
    "host": _("stagebedrijf"),
}

WORDS_BY_KIND = {
    "mbo_bpv": {
        "student": _("student"),
        "students": _("studenten"),
        "workplace_supervisor": _("praktijkopleider"),
        "host": _("leerbedrijf"),
    },
    "teacher_education": {
        "student": _("student"),
        "students": _("studenten"),
        "workplace_supervisor": _("werkplekbegeleider"),
        "school_supervisor": _("instituutsopleider"),
        "school_supervisor_of": _("instituutsopleider van de opleiding"),
        "host": _("opleidingsschool"),
    },
}


def role_word(kind: str | None, role: str) -> str:
    """The Dutch (translated) word for ``role`` in a plan of ``kind``; vo when unknown."""
    if role not in VO_WORDS:
        raise KeyError(role)
    return str(WORDS_BY_KIND.get(kind or "", {}).get(role, VO_WORDS[role]))


def has_school_trainer(kind: str | None) -> bool:
    """Only teacher education has a schoolopleider at the host (the opleidingsschool)."""
    return kind == "teacher_education"
