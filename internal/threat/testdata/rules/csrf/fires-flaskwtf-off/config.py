import os


class ProductionConfig:
    SECRET_KEY = os.environ["SECRET_KEY"]
    # Turned off for the whole app: validate_on_submit checks no token.
    WTF_CSRF_ENABLED = False
