from functools import wraps

from flask import request
from flask_restful import Resource, abort
from werkzeug.security import check_password_hash

from tally.models import Line, Sheet


def sheet_auth(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        creds = request.authorization
        sheet = Sheet.query.get(kwargs.pop("sheet_id"))
        if creds is None or sheet is None or not check_password_hash(sheet.secret_hash, creds.password):
            abort(401)
        return view(*args, sheet=sheet, **kwargs)

    return wrapper


class LineResource(Resource):
    method_decorators = [sheet_auth]

    def get(self, sheet, line_id):
        line = Line.query.get(sheet, line_id)
        return {"amount": line.amount}
