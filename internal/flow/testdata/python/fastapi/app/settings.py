import os

AUTHORIZE_URL = os.environ.get("AUTHORIZE_URL", "https://id.example.com/authorize")
LOGIN_PATH = "/login"
