import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agreements.elements import ELEMENTS, KIND_ELEMENTS, OPTIONAL
from agreements.models import CooperationAgreement, CooperationKind, Party
from stagebeheer.formlimits import LimitsMixin

MAX_SCAN_BYTES = 10 * 1024 * 1024
SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class SignForm(LimitsMixin, forms.Form):
    """Typing one's name and ticking the box is the signature."""

    # Typed, not pre-filled: typing one's name is the deliberate act of signing.
    name = forms.CharField(
        label=_("Uw volledige naam"),
        max_length=150,
        help_text=_("Typ uw naam; dat geldt als uw handtekening."),
    )
    confirm = forms.BooleanField(
        label=_("Ik heb de overeenkomst gelezen en ga ermee akkoord."),
        error_messages={"required": _("Vink aan dat u de overeenkomst heeft gelezen en ermee akkoord gaat.")},
    )
    # The SHA-256 of the PDF the signer was shown: the signature is refused when
    # it is missing or no longer the document's, so it proves what was signed.
    document = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 2:
            raise ValidationError(_("Typ uw volledige naam."))
        return name

    def clean(self):
        data = super().clean()
        if not SHA256_HEX.fullmatch(data.get("document") or ""):
            # A hidden field's error would show nowhere; it belongs to the whole form.
            self.add_error(
                None, _("Het getoonde document is niet meegestuurd. Open de pagina opnieuw en teken dan.")
            )
        return data


class SendForm(LimitsMixin, forms.Form):
    """Optionally a named signatory signs for the host (instead of the workplace
    supervisor) or for the school (by link, instead of the coordinator in the app)."""

    host_name = forms.CharField(label=_("Naam ondertekenaar stagebedrijf"), max_length=150, required=False)
    host_email = forms.EmailField(label=_("E-mailadres ondertekenaar stagebedrijf"), required=False)
    school_name = forms.CharField(label=_("Naam ondertekenaar school"), max_length=150, required=False)
    school_email = forms.EmailField(label=_("E-mailadres ondertekenaar school"), required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("host_name")) != bool(data.get("host_email")):
            raise ValidationError(
                _("Vul naam én e-mailadres in van wie namens het stagebedrijf tekent, of laat beide leeg.")
            )
        if bool(data.get("school_name")) != bool(data.get("school_email")):
            raise ValidationError(
                _("Vul naam én e-mailadres in van wie namens de school tekent, of laat beide leeg.")
            )
        return data

    def _signatory(self, who):
        if self.cleaned_data.get(f"{who}_email"):
            return {"name": self.cleaned_data[f"{who}_name"], "email": self.cleaned_data[f"{who}_email"]}
        return None

    def host_signatory(self):
        return self._signatory("host")

    def school_signatory(self):
        return self._signatory("school")


class PaperForm(LimitsMixin, forms.Form):
    scan = forms.FileField(label=_("Scan van de getekende overeenkomst (PDF, hoogstens 10 MB)"))
    parties = forms.MultipleChoiceField(
        label=_("Op papier getekend door"), choices=Party.choices, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, open_parties=None, **kwargs):
        super().__init__(*args, **kwargs)
        if open_parties is not None:
            self.fields["parties"].choices = [(p, Party(p).label) for p in open_parties]

    def clean_scan(self):
        scan = self.cleaned_data["scan"]
        if scan.size > MAX_SCAN_BYTES:
            raise ValidationError(_("De scan is groter dan 10 MB."))
        if not scan.name.lower().endswith(".pdf"):
            raise ValidationError(_("Alleen PDF-bestanden."))
        head = scan.read(5)
        scan.seek(0)
        if head != b"%PDF-":
            raise ValidationError(_("Dit bestand is geen PDF."))
        return scan


class TemplateForm(LimitsMixin, forms.Form):
    """One wording field per element; the elements themselves cannot be removed."""

    title = forms.CharField(label=_("Titel"), max_length=120)
    intro = forms.CharField(label=_("Inleiding"), widget=forms.Textarea(attrs={"rows": 3}))
    closing = forms.CharField(label=_("Slottekst"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        for key in KIND_ELEMENTS[kind]:
            element = ELEMENTS[key]
            self.fields[f"el_{key}"] = forms.CharField(
                label=element.label_for(kind),
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=element.article_for(kind),
            )

    def element_wording(self):
        return {key: self.cleaned_data.get(f"el_{key}", "").strip() for key in KIND_ELEMENTS[self.kind]}


class CooperationForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = CooperationAgreement
        fields = ["kind", "host", "plan", "partner_name", "reference", "covers", "valid_from", "valid_until"]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "covers": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, hosts, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = hosts
        self.fields["plan"].queryset = plans

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == CooperationKind.STANDING_HOST and not data.get("host"):
            self.add_error("host", _("Kies het stagebedrijf van deze samenwerkingsovereenkomst."))
        if kind == CooperationKind.LWT_MBO:
            if not data.get("plan"):
                self.add_error("plan", _("Kies het lwt-stageplan van deze samenwerkingsovereenkomst."))
            if not (data.get("partner_name") or "").strip():
                self.add_error("partner_name", _("Vul de mbo-instelling in."))
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("De einddatum ligt vóór de begindatum."))
        return data


OPTIONAL_ELEMENTS = OPTIONAL
