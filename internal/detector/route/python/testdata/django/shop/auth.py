import functools

import jwt
from django.http import JsonResponse


def token_required(view):
    @functools.wraps(view)
    def wrapped(self, request, *args, **kwargs):
        try:
            jwt.decode(request.headers["Authorization"][7:], "key-from-env", algorithms=["HS256"])
        except jwt.InvalidTokenError:
            return JsonResponse({"error": "unauthorized"}, status=401)
        return view(self, request, *args, **kwargs)

    return wrapped
