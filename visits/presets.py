"""Rule sets a coordinator can pick for a plan, one per common kind of stage."""

from django.utils.translation import gettext_lazy as _

from visits.models import Mode, Purpose, Timing

# key: (label, [rule fields, ...])
PRESETS = {
    "vmbo_block": (
        _("vmbo blokstage: telefoontje in week 1, één bezoek"),
        [
            dict(mode=Mode.PHONE, purpose=Purpose.INTRODUCTION, timing=Timing.AFTER_START, offset=2),
            dict(
                mode=Mode.ON_SITE,
                purpose=Purpose.INTERIM,
                timing=Timing.SHARE,
                offset=50,
                unannounced_allowed=True,
            ),
        ],
    ),
    "vmbo_ribbon": (
        _("vmbo lintstage: telefoontje in week 1, twee bezoeken"),
        [
            dict(mode=Mode.PHONE, purpose=Purpose.INTRODUCTION, timing=Timing.AFTER_START, offset=2),
            dict(
                mode=Mode.ON_SITE,
                purpose=Purpose.INTERIM,
                timing=Timing.SHARE,
                offset=33,
                unannounced_allowed=True,
            ),
            dict(mode=Mode.ON_SITE, purpose=Purpose.FINAL, timing=Timing.SHARE, offset=85),
        ],
    ),
    "pro": (
        _("praktijkonderwijs: een bezoek elke vier tot zes weken"),
        [
            dict(mode=Mode.PHONE, purpose=Purpose.INTRODUCTION, timing=Timing.AFTER_START, offset=2),
            dict(
                mode=Mode.ON_SITE,
                purpose=Purpose.INTERIM,
                timing=Timing.AFTER_START,
                offset=28,
                repeat_every_days=35,
                unannounced_allowed=True,
            ),
        ],
    ),
    # Stagepact MBO 2023-2027: three joint contact moments of school, host and
    # student — at the start, midway and at the end.
    "mbo": (
        _("mbo (Stagepact): start, halverwege en einde"),
        [
            dict(mode=Mode.ON_SITE, purpose=Purpose.START, timing=Timing.AFTER_START, offset=7),
            dict(mode=Mode.ON_SITE, purpose=Purpose.INTERIM, timing=Timing.SHARE, offset=50),
            dict(mode=Mode.ON_SITE, purpose=Purpose.FINAL, timing=Timing.BEFORE_END, offset=7),
        ],
    ),
    "teacher_education": (
        _("lerarenopleiding: driehoeksgesprek per periode"),
        [
            dict(mode=Mode.SCHOOL, purpose=Purpose.TRIPARTITE, timing=Timing.SHARE, offset=50),
        ],
    ),
}

# The preset that fits a plan kind best, offered first.
PRESET_FOR_KIND = {
    "vmbo_orientation": "vmbo_block",
    "community": "vmbo_block",
    "lwt": "vmbo_ribbon",
    "pro_external": "pro",
    "pro_placement": "pro",
    "mbo_bpv": "mbo",
    "teacher_education": "teacher_education",
}


def preset_choices():
    return [(key, label) for key, (label, _rules) in PRESETS.items()]
