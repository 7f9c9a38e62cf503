"""Forms of the team pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from stagebeheer.models import Department, Role
from stagebeheer.team import managed_department_ids, roles_actor_may_give


def _role_choices(actor):
    allowed = roles_actor_may_give(actor)
    return [(value, label) for value, label in Role.choices if value in allowed]


class InviteForm(forms.Form):
    full_name = forms.CharField(label=_("Naam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"), max_length=254)
    department = forms.ModelChoiceField(label=_("Afdeling"), queryset=Department.objects.none())
    role = forms.ChoiceField(label=_("Rol"))

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        managed = managed_department_ids(actor)
        departments = Department.objects.select_related("school")
        if managed is not None:
            departments = departments.filter(pk__in=managed)
        self.fields["department"].queryset = departments
        self.fields["role"].choices = _role_choices(actor)
        if departments.count() == 1:
            self.fields["department"].initial = departments.first()


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"))

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(actor)
