"""Lookalikes: no integration is called here.

requests.post("https://api.sendgrid.com/v3/mail/send")  # quoted in a docstring
"""

# requests.post("https://api.mailgun.net/v3/messages")
SIGN_UP_PAGE = "https://app.sendgrid.example/signup"


def stripe_like(amount):
    return {"host": "api.stripe.comx", "amount": amount}

# "allauth.socialaccount.providers.google" was installed before the move
PROVIDER_DOCS = "see allauth.socialaccount.providers for the list"

# Search results came from https://api.exa.ai before; no call is made here.
SEARCH_HELP = "set SERPER_API_KEY to search"


def warn_down(logger):
    logger.warning("https://google.serper.dev is unreachable")
