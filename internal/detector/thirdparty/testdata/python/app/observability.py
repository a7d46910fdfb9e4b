import sentry_sdk  # want: third-party sentry
from sentry_sdk.integrations.fastapi import FastApiIntegration  # want: third-party sentry

sentry_sdk.init(integrations=[FastApiIntegration()])
