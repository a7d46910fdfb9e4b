from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings


# Settings written as plain groups, one per vendor, that one
# BaseSettings class combines: each group's fields are environment
# variables all the same.
class AppSettings(BaseModel):
    pass


class OpenNodeFunding(AppSettings):
    opennode_api_endpoint: str = Field(default="https://api.opennode.com/")  # want: credential OPENNODE_API_ENDPOINT config opennode
    opennode_api_key: str | None = Field(default=None)  # want: credential OPENNODE_API_KEY secret opennode


class LnPayFunding(AppSettings):
    lnpay_api_key: str | None = Field(default=None)  # want: credential LNPAY_API_KEY secret lnpay


class FundingSettings(OpenNodeFunding, LnPayFunding):
    funding_retries: int = Field(default=4)  # want: credential FUNDING_RETRIES config -


class Settings(FundingSettings, BaseSettings):
    class Config:
        env_file = ".env"


# A request body with the same field names is no environment read: no
# settings class inherits it.
class FundingUpdate(BaseModel):
    opennode_api_key: str | None = None
    stripe_secret_key: str | None = None


# A URL the app names by default (where Stripe calls it back) is a place,
# not a secret; a webhook URL with no default is a vendor's secret URL.
class CallbackSettings(BaseSettings):
    stripe_payment_webhook_url: str = Field(default="https://shop.example.com/api/v1/callback/stripe")  # want: credential STRIPE_PAYMENT_WEBHOOK_URL config stripe
    alerts_webhook_url: str | None = None  # want: credential ALERTS_WEBHOOK_URL secret -
    refund_webhook_url: str = Field(  # want: credential REFUND_WEBHOOK_URL config -
        default="https://shop.example.com/api/v1/callback/refund",
    )
