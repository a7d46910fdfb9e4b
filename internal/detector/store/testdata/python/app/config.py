from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    s3_bucket: str
    redis_url: str = "redis://localhost:6379/0"


settings = Settings()
