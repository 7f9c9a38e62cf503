from django.shortcuts import render


def refused(request):
    """Where a federated sign-in ends when nobody in the app matches it."""
    return render(request, "registration/sso_refused.html", status=403)
