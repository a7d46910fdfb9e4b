import json
import os

import boto3


def _load_secrets() -> None:
    """In production the secrets come from AWS Secrets Manager; locally from
    an ignored .env. Either way nothing secret is written in the code."""
    secret_id = os.environ.get("DOCQA_SECRETS_ID")
    if secret_id:
        value = boto3.client("secretsmanager").get_secret_value(SecretId=secret_id)["SecretString"]
        os.environ.update(json.loads(value))


_load_secrets()

OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
STRIPE_SECRET_KEY = os.environ["STRIPE_SECRET_KEY"]
STRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]
S3_BUCKET = os.environ["S3_BUCKET"]
DATABASE_URL = os.environ["DATABASE_URL"]
SESSION_SECRET = os.environ["SESSION_SECRET"]
ADMIN_ALLOWED_IPS = os.environ.get("ADMIN_ALLOWED_IPS", "").split(",")
