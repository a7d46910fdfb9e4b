import sqlite3

from flask import Flask, render_template

app = Flask(__name__)


@app.route("/")
def home():
    return render_template("home.html", page_title="Shop")


# The same page, but it loads every customer to show them.
@app.route("/admin")
def admin_page():
    db = sqlite3.connect("shop.db")
    customers = db.execute("SELECT id, email FROM customers").fetchall()
    return render_template("admin.html", page_title="Admin Dashboard", customers=customers)
