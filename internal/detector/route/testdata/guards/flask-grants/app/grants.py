"""Decorators that demand a grant of the signed-in member, built in layers:
a class that aborts, a factory that names one grant, and shortcuts."""
import functools
import logging

from flask import abort
from flask_login import current_user

from app.settings import FEATURES


class require_grants:
    def __init__(self, grants, any_of=False):
        self.grants = grants
        self.any_of = any_of

    def __call__(self, fn):
        @functools.wraps(fn)
        def decorated(*args, **kwargs):
            if current_user.holds(self.grants, any_of=self.any_of):
                return fn(*args, **kwargs)
            abort(403)

        return decorated


def require_grant(grant):
    return require_grants((grant,))


def require_operator(fn):
    return require_grant("operator")(fn)


def traced(fn):
    """Lookalike: named nothing like a guard, and only logs the call."""
    @functools.wraps(fn)
    def decorated(*args, **kwargs):
        logging.info("call %s", fn.__name__)
        return fn(*args, **kwargs)

    return decorated


def feature_gate(fn):
    """Lookalike: a 403 when a feature is switched off, for everyone."""
    @functools.wraps(fn)
    def decorated(*args, **kwargs):
        if not FEATURES.get("exports"):
            abort(403)
        return fn(*args, **kwargs)

    return decorated
