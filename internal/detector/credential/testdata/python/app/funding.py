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
