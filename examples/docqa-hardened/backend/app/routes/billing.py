import stripe
from fastapi import APIRouter, Depends, HTTPException, Request
from sqlalchemy.orm import Session

from ..config import STRIPE_WEBHOOK_SECRET
from ..db import get_db
from ..models import ProcessedEvent, User

router = APIRouter()


@router.post("/webhook/stripe")
async def stripe_webhook(request: Request, db: Session = Depends(get_db)):
    payload = await request.body()
    signature = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(payload, signature, STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.error.SignatureVerificationError):
        raise HTTPException(status_code=400, detail="invalid signature")
    # Idempotency: each event is applied once, however often Stripe retries.
    if db.get(ProcessedEvent, event.id) is not None:
        return {"received": True, "duplicate": True}
    if event["type"] == "checkout.session.completed":
        email = event["data"]["object"]["customer_email"]
        user = db.query(User).filter(User.email == email).first()
        user.plan = "premium"
        user.credits += 1000
    db.add(ProcessedEvent(event_id=event.id))
    db.commit()
    return {"received": True}
