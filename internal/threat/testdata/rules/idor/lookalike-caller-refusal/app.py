from flask import Flask, abort, jsonify, request
from flask_httpauth import HTTPTokenAuth
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
token_auth = HTTPTokenAuth()


class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))
    password_hash = db.Column(db.String(128))


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    account_id = db.Column(db.Integer, db.ForeignKey("account.id"))
    billing_address = db.Column(db.String(200))


@token_auth.verify_token
def verify_token(token):
    return Account.query.filter_by(token=token).first()


@app.put("/api/accounts/<int:id>")
@token_auth.login_required
def update_account(id):
    # The caller may change only their own account.
    if token_auth.current_user().id != id:
        abort(403)
    account = db.get_or_404(Account, id)
    account.email = request.get_json()["email"]
    db.session.commit()
    return jsonify(id=account.id)


@app.get("/api/invoices/<int:invoice_id>")
@token_auth.login_required
def show_invoice(invoice_id):
    invoice = db.get_or_404(Invoice, invoice_id)
    if invoice.account != token_auth.current_user():
        abort(404)
    return jsonify(id=invoice.id, address=invoice.billing_address)
