from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    stripe_secret_key: str  # want: uses-secret stripe STRIPE_SECRET_KEY; third-party stripe
    stripe_webhook_secret: str  # want: uses-secret stripe STRIPE_WEBHOOK_SECRET; third-party stripe
    aws_secret_access_key: str = ""  # want: uses-secret aws-s3 AWS_SECRET_ACCESS_KEY; uses-secret aws-ses AWS_SECRET_ACCESS_KEY; third-party aws-s3; third-party aws-ses; third-party aws-bedrock; uses-secret aws-bedrock AWS_SECRET_ACCESS_KEY
    s3_bucket: str = "uploads"


settings = Settings()
