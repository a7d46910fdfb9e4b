import os

OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
STRIPE_SECRET_KEY = os.environ["STRIPE_SECRET_KEY"]
S3_BUCKET = os.getenv("S3_BUCKET", "docqa-uploads")
DATABASE_URL = os.environ["DATABASE_URL"]
SESSION_SECRET = os.environ["SESSION_SECRET"]
ADMIN_PASSWORD = os.getenv("ADMIN_PASSWORD", "admin123")
