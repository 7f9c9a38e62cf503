from audit.context import acting


class AuditContextMiddleware:
    """Attributes every change made while serving a request to its user (after
    AuthenticationMiddleware) and its path; link views add the link holder."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        user_id = user.pk if user is not None and user.is_authenticated else None
        with acting(user=user_id, url=request.path[:200]):
            return self.get_response(request)
