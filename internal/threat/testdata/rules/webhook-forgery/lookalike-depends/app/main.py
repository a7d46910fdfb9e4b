import os

import stripe
from fastapi import Depends, FastAPI, HTTPException, Request

from app.billing import grant_plan

app = FastAPI()


class EventVerifier:
    """Verifies Stripe's signature before the handler sees the event."""

    def __init__(self, secret: str) -> None:
        self.secret = secret

    async def __call__(self, request: Request) -> stripe.Event:
        payload = await request.body()
        signature = request.headers.get("Stripe-Signature")
        if signature is None:
            raise HTTPException(status_code=400)
        try:
            return stripe.Webhook.construct_event(payload, signature, self.secret)
        except stripe.SignatureVerificationError as e:
            raise HTTPException(status_code=401) from e


@app.post("/billing/webhook")
async def billing_webhook(
    event: stripe.Event = Depends(
        EventVerifier(os.environ["STRIPE_WEBHOOK_SECRET"])
    ),
):
    if event["type"] == "checkout.session.completed":
        await grant_plan(event["data"]["object"]["customer"])
