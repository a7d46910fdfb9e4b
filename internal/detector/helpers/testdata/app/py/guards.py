from functools import wraps

from flask import abort, g
from flask_login import current_user


def staff_only(view):  # want: control admin-guard
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_staff:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


# Lookalike: a decorator that hands the flag to the view decides nothing.
def with_admin_flag(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        g.is_admin = current_user.is_admin
        return view(*args, **kwargs)

    return wrapped


# Lookalike: a factory's decorator tests the flag only when a route asks
# for it (@authorize(ensure_admin=True)): what it guards is the route's say.
def authorize(ensure_admin=False):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if ensure_admin and not current_user.is_admin:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator
