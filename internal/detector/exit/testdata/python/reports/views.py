from flask import abort, jsonify

from reports.errors import InvalidParameter
from .store import load, StoreError


class Detached(Exception):
    pass


def run(query, params):
    try:
        query.apply(params)
    except (InvalidParameter, Detached) as e:
        # the app's own sentence about the caller's input: no internals
        abort(400, message=str(e))
    try:
        return load(query)
    except StoreError as e:
        return jsonify(error=str(e)), 400
    except Exception as e:
        abort(500, message=str(e))  # want: exit error-response


def dropdown(query):
    try:
        return load(query)
    except InvalidParameter:
        return jsonify(error=traceback.format_exc()), 400  # want: exit error-response
