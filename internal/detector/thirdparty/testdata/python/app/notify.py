import httpx

SLACK_HOOK = "https://hooks.slack.com/services/T000/B000/EXAMPLE"  # want: third-party slack
NOT_AN_API = "https://notapi.openai.com.example.org/v1"


def ping(text: str) -> None:
    httpx.post(SLACK_HOOK, json={"text": text})
