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
