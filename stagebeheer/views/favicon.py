from django.shortcuts import redirect
from django.templatetags.static import static


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static icon
    (resolved per request, so the manifest of hashed names is read only when it exists)."""
    return redirect(static("favicon.svg"), permanent=True)
