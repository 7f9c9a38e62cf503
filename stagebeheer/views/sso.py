from django.shortcuts import render


def refused(request):
    """Where a federated sign-in ends when nobody in the app matches it."""
    return render(request, "registration/sso_refused.html", status=403)


def saml_refused(request, exception=None, status=403, **kwargs):
    """djangosaml2's failure hook (SAML_ACS_FAILURE_RESPONSE_FUNCTION): the same
    clear page, for an unknown person as for a refused or replayed assertion."""
    return render(request, "registration/sso_refused.html", status=403)


def saml_start(request, federation):
    """/sso/saml/<federation>/: start at that federation's identity provider."""
    from django.conf import settings
    from django.http import Http404
    from django.shortcuts import redirect
    from django.urls import reverse
    from django.utils.http import urlencode

    entity_id = {value: key for key, value in settings.SAML_FEDERATIONS.items()}.get(federation)
    if not settings.SAML_ENABLED or entity_id is None:
        raise Http404
    query = {"idp": entity_id}
    if request.GET.get("next"):
        query["next"] = request.GET["next"]
    return redirect(f"{reverse('saml2_login')}?{urlencode(query)}")
