from flask import Blueprint, abort, g, session

from tally.models import Line, Sheet, db

web = Blueprint("web", __name__)


@web.url_value_preprocessor
def open_sheet(endpoint, values):
    sheet_id = values.pop("sheet_id", None)
    if sheet_id:
        sheet = Sheet.query.get(sheet_id)
        if sheet is not None and session.get(sheet.id):
            g.sheet = sheet
        else:
            abort(403)


@web.route("/<sheet_id>/lines/<int:line_id>")
def show_line(line_id):
    line = Line.query.filter_by(sheet_id=g.sheet.id, id=line_id).first_or_404()
    return {"amount": line.amount, "note": line.note}


@web.route("/<sheet_id>/lines/<int:line_id>/delete", methods=["POST"])
def delete_line(line_id):
    line = g.sheet.lines.filter(Line.id == line_id).first_or_404()
    db.session.delete(line)
    db.session.commit()
    return "", 204
