"""makemessages that also reads ``_l(...)``: several modules alias gettext_lazy
as ``_l`` beside ``_`` for gettext, and xgettext knows only the usual names, so
their strings never reached the catalogue and stayed Dutch in English."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_l"]
