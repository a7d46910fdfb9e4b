from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    payouts_api_endpoint: str | None = None  # want: third-party opennode
    callback_base: str = ""
