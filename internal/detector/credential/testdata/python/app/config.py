from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env")

    openai_api_key: str  # want: credential OPENAI_API_KEY secret openai
    stripe_secret_key: str  # want: credential STRIPE_SECRET_KEY secret stripe
    stripe_webhook_secret: str = ""  # want: credential STRIPE_WEBHOOK_SECRET secret stripe
    s3_bucket: str = "docqa-uploads"  # want: credential S3_BUCKET config aws-s3
    upload_limit_mb: int = 20  # want: credential UPLOAD_LIMIT_MB config -
    jwt_key: str = Field("", alias="JWT_SIGNING_KEY")  # want: credential JWT_SIGNING_KEY secret -

    class Config:
        case_sensitive = False
        extra = "ignore"

    def bucket_url(self) -> str:
        local: str = self.s3_bucket
        return "s3://" + local


class WorkerSettings(BaseSettings):
    class Config:
        env_prefix = "WORKER_"

    concurrency: int = 4  # want: credential WORKER_CONCURRENCY config -


settings = Settings()
