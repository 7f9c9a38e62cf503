from agreements.models.agreement import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Party,
    PdfStatus,
    Signature,
    SignatureMethod,
    SignatureRequest,
)
from agreements.models.cooperation import CooperationAgreement, CooperationKind
from agreements.models.seal import InstallationSeal
from agreements.models.template import AgreementTemplate

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "AgreementTemplate",
    "CooperationAgreement",
    "CooperationKind",
    "InstallationSeal",
    "Party",
    "PdfStatus",
    "Signature",
    "SignatureMethod",
    "SignatureRequest",
]
