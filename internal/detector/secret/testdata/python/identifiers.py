# Lookalikes: a cookie's name, an endpoint, a contract address.
SESSION_COOKIE_KEY = "sessionid"
AUTH_TOKEN_URL = "https://example.com/oauth/token"
COOKIE_SAMESITE = "Lax"
wallet_key = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F"

# Keys.
api_key = "ab12cd34ef56ab12cd34ef56ab12cd34"  # want: secret generic-api-key
SIGNING_KEY = "Q8vz2LkP0wX5rT9mJ3nB7cY1"  # want: secret hardcoded-signing-key
