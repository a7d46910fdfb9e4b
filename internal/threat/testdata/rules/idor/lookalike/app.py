import logging
import uuid

from flask import Flask, abort, jsonify
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.dialects.postgresql import UUID

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)
log = logging.getLogger("invoices")


class Invoice(db.Model):
    id = db.Column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    owner_id = db.Column(db.Integer, nullable=False)
    amount_cents = db.Column(db.Integer)
    billing_address = db.Column(db.String(200))


@app.get("/api/invoices/<uuid:invoice_id>")
@login_required
def show_invoice(invoice_id):
    invoice = Invoice.query.filter_by(id=invoice_id, owner_id=current_user.id).first()
    if invoice is None:
        log.warning("access denied: invoice %s for user %s", invoice_id, current_user.id)
        abort(404)
    return jsonify(id=str(invoice.id), amount=invoice.amount_cents, address=invoice.billing_address)
