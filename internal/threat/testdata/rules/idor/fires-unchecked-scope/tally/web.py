from flask import Blueprint, g

from tally.models import Line, Sheet

web = Blueprint("web", __name__)


@web.url_value_preprocessor
def open_sheet(endpoint, values):
    # Loads the sheet named in the URL for everyone: nothing checks the
    # caller may see it.
    sheet_id = values.pop("sheet_id", None)
    if sheet_id:
        g.sheet = Sheet.query.get(sheet_id)


@web.route("/<sheet_id>/lines/<int:line_id>")
def show_line(line_id):
    line = Line.query.filter_by(sheet_id=g.sheet.id, id=line_id).first_or_404()
    return {"amount": line.amount, "note": line.note}
