from flask import Flask, jsonify
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, nullable=False)
    amount_cents = db.Column(db.Integer)
    billing_address = db.Column(db.String(200))


@app.get("/api/invoices/<int:invoice_id>")
@login_required
def show_invoice(invoice_id):
    invoice = Invoice.query.get_or_404(invoice_id)
    return jsonify(id=invoice.id, amount=invoice.amount_cents, address=invoice.billing_address)
