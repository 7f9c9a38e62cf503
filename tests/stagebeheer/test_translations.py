"""Every Dutch interface string has an English translation."""

import shutil
import subprocess
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = [
    "stagebeheer",
    "placements",
    "agreements",
    "visits",
    "assessments",
    "evaluations",
    "audit",
    "templates",
]


def test_the_english_catalogue_covers_every_interface_string(tmp_path, settings, monkeypatch):
    # Extract the strings into a copy of the catalogue, so the real one is untouched.
    real = ROOT / "locale/en/LC_MESSAGES/django.po"
    before = real.read_bytes()
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    # makemessages also writes into any ./locale beside the files it reads, so
    # run it from a mirror of the source folders (symlinks) that has none.
    mirror = tmp_path / "src"
    mirror.mkdir()
    for name in SOURCE_DIRS:
        (mirror / name).symlink_to(ROOT / name)
    monkeypatch.chdir(mirror)
    call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0, symlinks=True)
    assert real.read_bytes() == before, "the check must not rewrite the real catalogue"
    po = tmp_path / "locale/en/LC_MESSAGES/django.po"
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", "--no-wrap", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", "--no-wrap", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    missing = [
        line
        for line in (untranslated + fuzzy).splitlines()
        if line.startswith("msgid ") and line != 'msgid ""'
    ]
    assert not missing, "Translate these in locale/en (make messages):\n" + "\n".join(missing)


def test_every_translation_keeps_the_placeholders_of_its_message():
    # msgfmt --check refuses a msgstr that lost a %(name)s of its msgid: the English page would
    # then show a bare word where a number or name belongs (it happened with "%(n)s herinnering").
    po = Path(__file__).resolve().parents[2] / "locale/en/LC_MESSAGES/django.po"
    done = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
