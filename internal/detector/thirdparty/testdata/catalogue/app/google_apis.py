"""google-api-python-client: the discovery build names the API."""

from googleapiclient.discovery import build


def sheets(creds):
    return build("sheets", "v4", credentials=creds)


def calendar(creds):
    return build("calendar", "v3", credentials=creds)


def gmail(creds):
    return build("gmail", "v1", credentials=creds)
