from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from slowapi import Limiter  # an import is no limiter
import stripe

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)  # want: weakness cors-wildcard-credentials


def webhook(payload, sig, secret):
    return stripe.Webhook.construct_event(payload, sig, secret)  # want: control webhook-signature


def store(s3, f, uuid):
    key = str(uuid.uuid4())  # want: control opaque-keys
    url = s3.generate_presigned_url("get_object", Params={"Key": key})  # want: control signed-urls
    return url

# jwt.decode(token, options={"verify_signature": False})  commented out: no weakness

from fastapi.security import HTTPBasic
basic = HTTPBasic()  # want: control basic-auth
