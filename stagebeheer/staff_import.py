"""Import staff from an export of the school administration (CSV or XLSX).

The file is read, mapped and previewed with the shared machinery of the student
import (stagebeheer.table_import); each good row then becomes an invitation
through ``team.invite``, the same service as the team page's invite, so the
same rules hold: a coordinator only invites into her own departments and never
makes a leader; an existing person (same e-mail) gets the role added; someone
who already has the role is left alone, so a second confirm invites nobody twice.
Nobody becomes an administrator through an import.
"""

import unicodedata
from dataclasses import dataclass

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from stagebeheer import team
from stagebeheer.models import Department, Membership, Role, User
from stagebeheer.table_import import Column, RowResult, plain, value_at

KIND = "staff"

COLUMNS = [
    Column(
        "full_name",
        _l("naam"),
        True,
        ("naam", "volledigenaam", "medewerker", "docent", "name", "weergavenaam"),
    ),
    Column(
        "email",
        _l("e-mailadres"),
        True,
        ("email", "emailadres", "mail", "emailwerk", "emailschool", "werkemail"),
    ),
    Column("role", _l("rol"), True, ("rol", "functie", "role", "taak")),
    Column("department", _l("afdeling"), False, ("afdeling", "vestiging", "locatie", "department", "team")),
]

# The words administrations use for the roles, without accents, case or spaces.
ROLE_WORDS = {
    Role.SUPERVISOR: (
        "stagebegeleider",
        "begeleider",
        "docentbegeleider",
        "bpvbegeleider",
        "instituutsopleider",
        "supervisor",
    ),
    Role.MENTOR: ("mentor", "klassenmentor", "studieloopbaanbegeleider", "slb"),
    Role.COORDINATOR: ("coordinator", "stagecoordinator", "bpvcoordinator", "schoolopleider"),
    Role.LEADER: ("schoolleider", "leider", "directeur", "teamleider", "leader"),
}
ADMINISTRATOR_WORDS = ("beheerder", "functioneelbeheerder", "administrator", "admin")


def _word(text: str) -> str:
    """'Stagecoördinator' and 'stage coordinator' are the same word."""
    decomposed = unicodedata.normalize("NFKD", text)
    return plain("".join(c for c in decomposed if not unicodedata.combining(c)))


ROLE_BY_WORD = {word: role for role, words in ROLE_WORDS.items() for word in words}


@dataclass
class StaffRow(RowResult):
    """One line of the file: what it will do (``action``) or why it cannot."""

    action: str = ""
    skip: bool = False
    department_id: int | None = None
    role: str = ""


def managed_departments(actor):
    managed = team.managed_department_ids(actor)
    departments = Department.objects.select_related("school").order_by("name", "pk")
    return departments if managed is None else departments.filter(pk__in=managed)


def _department_finder(departments):
    """Find a department by its name or by BRIN + vestiging (23RC01), among the actor's."""
    by_name, by_code = {}, {}
    for department in departments:
        by_name.setdefault(_word(department.name), []).append(department)
        by_code.setdefault(_word(department.brin_location), []).append(department)

    def find(text):
        key = _word(text)
        found = by_name.get(key) or by_code.get(key) or []
        return found[0] if len(found) == 1 else (None if not found else "ambiguous")

    return find


def _role(text, actor, errors):
    word = _word(text)
    if word in ADMINISTRATOR_WORDS:
        errors.append(_("beheerders worden niet via een import gemaakt"))
        return ""
    role = ROLE_BY_WORD.get(word)
    if role is None:
        errors.append(
            _("rol ‘%(v)s’ is onbekend (stagebegeleider, mentor, stagecoördinator of schoolleider)")
            % {"v": text}
        )
        return ""
    if role not in team.roles_actor_may_give(actor):
        errors.append(_("een schoolleider wordt uitgenodigd door een beheerder"))
        return ""
    return role


def _department(text, default, find, errors):
    if not text:
        if default is None:
            errors.append(
                _("afdeling ontbreekt (kies bij het uploaden een afdeling voor regels zonder afdeling)")
            )
        return default
    found = find(text)
    if found == "ambiguous":
        errors.append(_("afdeling ‘%(v)s’ past bij meer afdelingen; gebruik de naam") % {"v": text})
        return None
    if found is None:
        errors.append(_("afdeling ‘%(v)s’ is onbekend of niet een van uw afdelingen") % {"v": text})
    return found


def _check_email(v, errors):
    v["email"] = v["email"].lower()
    try:
        forms.EmailField(max_length=254).clean(v["email"])
    except forms.ValidationError:
        errors.append(_("‘%(v)s’ is geen geldig e-mailadres") % {"v": v["email"]})
    if len(v["full_name"]) > 150:
        errors.append(_("naam is te lang"))


def validate_staff(rows, mapping, actor, default_department=None) -> list[StaffRow]:
    """Per row what will happen; queries are fixed in number (people are read at once)."""
    departments = list(managed_departments(actor))
    find = _department_finder(departments)
    default = next((d for d in departments if default_department and d.pk == default_department.pk), None)
    if default is None and len(departments) == 1:
        default = departments[0]
    emails = {value_at(row, mapping.get("email")).lower() for row in rows}
    emails.discard("")
    people = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
    held = Membership.objects.filter(user__email__in=emails).values_list(
        "user__email", "department_id", "role"
    )
    held = {(email.lower(), dept, role) for email, dept, role in held}
    results, seen = [], set()
    for offset, row in enumerate(rows):
        v = {c.key: value_at(row, mapping.get(c.key)) for c in COLUMNS}
        errors = []
        for column in COLUMNS:
            if column.required and not v[column.key]:
                errors.append(_("%(col)s ontbreekt") % {"col": column.label})
        _check_email(v, errors)
        role = _role(v["role"], actor, errors) if v["role"] else ""
        department = _department(v["department"], default, find, errors)
        result = StaffRow(offset + 2, {}, errors, role=role)  # the header is line 1
        person = people.get(v["email"])
        key = (v["email"], getattr(department, "pk", None), role)
        if not errors and key in seen:
            errors.append(
                _("%(email)s staat met deze rol en afdeling twee keer in het bestand") % {"email": v["email"]}
            )
        seen.add(key)
        if not errors and person is not None and not person.is_active:
            errors.append(_("deze persoon is gedeactiveerd; een beheerder kan het account weer activeren"))
        if not errors:
            result.department_id = department.pk
            if key in held:
                result.skip = True
                result.action = _("heeft deze rol al; er gebeurt niets")
            elif person is not None:
                result.action = _("bestaande collega krijgt de rol erbij en een uitnodiging")
            else:
                result.action = _("nieuwe collega krijgt een uitnodiging")
        result.values = {
            "full_name": person.full_name if person else v["full_name"],
            "email": v["email"],
            "role": Role(role).label if role else v["role"],
            "department": department.name if department else v["department"],
        }
        results.append(result)
    return results


def import_staff(results, actor) -> tuple[int, int, list[StaffRow]]:
    """Invite the good rows, each on its own: a row refused now (someone invited
    in between, a second confirm) is reported and leaves the others standing."""
    invited = skipped = 0
    refused = []
    departments = {d.pk: d for d in managed_departments(actor)}
    for result in results:
        if result.errors:
            continue
        if result.skip:
            skipped += 1
            continue
        try:
            with transaction.atomic():
                team.invite(
                    actor,
                    department=departments[result.department_id],
                    email=result.values["email"],
                    full_name=result.values["full_name"],
                    role=result.role,
                )
        except (team.TeamError, IntegrityError, KeyError) as error:
            message = str(error) if isinstance(error, team.TeamError) else _("deze regel is al verwerkt")
            refused.append(StaffRow(result.line, result.values, [message]))
            continue
        invited += 1
    return invited, skipped, refused
