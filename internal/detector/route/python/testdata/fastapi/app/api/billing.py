import stripe
from fastapi import APIRouter, Request

router = APIRouter()


@router.post("/webhook")  # want: POST /v2/billing/webhook
async def stripe_webhook(request: Request):
    payload = await request.body()
    event = stripe.Webhook.construct_event(payload, request.headers["stripe-signature"], "whsec")
    return {"type": event["type"]}


@router.api_route("/checkout", methods=["GET", "POST"])  # want: GET /v2/billing/checkout; POST /v2/billing/checkout
def checkout():
    return stripe.checkout.Session.create(mode="subscription")
