"""Providers reached through URLs built from a host constant or a base."""

import logging
from urllib.parse import urljoin

import httpx

GITHUB = "github.com"
ZENDESK_BASE = "https://acme.zendesk.com"
log = logging.getLogger(__name__)


def oauth_url(state):
    return f"https://{GITHUB}/login/oauth/authorize?state={state}"  # want: third-party github


def open_ticket(body):
    return httpx.post(urljoin(ZENDESK_BASE, "/api/v2/tickets.json"), json=body)  # want: third-party zendesk


def save_for_later(item):
    """Posts to https://getpocket.com/v3/add once the user links Pocket."""
    log.info("charges are listed at https://api.stripe.com/v1/charges for %s", item)
    print("see https://api.twilio.com/2010-04-01 for", item)
    return item
