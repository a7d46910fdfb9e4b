import os

import stripe
from dotenv import load_dotenv
from flask import Flask, jsonify

load_dotenv()
stripe.api_key = os.environ.get("STRIPE_KEY_FILE")
app = Flask(__name__)


@app.get("/api/prices")
def prices():
    return jsonify([p.unit_amount for p in stripe.Price.list(limit=10)])
