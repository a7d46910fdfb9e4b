import hmac
import os


def verify(token):
    return hmac.compare_digest(token, os.environ["API_TOKEN"])
