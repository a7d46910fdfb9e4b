import json

from fastapi import APIRouter, Depends, Request
from sqlalchemy.orm import Session

from ..db import get_db
from ..models import User

router = APIRouter()


# Stripe calls this when a payment succeeds. The payload is trusted as sent:
# no signature check, no idempotency.
@router.post("/webhook/stripe")
async def stripe_webhook(request: Request, db: Session = Depends(get_db)):
    event = json.loads(await request.body())
    if event["type"] == "checkout.session.completed":
        email = event["data"]["object"]["customer_email"]
        user = db.query(User).filter(User.email == email).first()
        user.plan = "premium"
        user.credits += 1000
        db.commit()
    return {"received": True}
