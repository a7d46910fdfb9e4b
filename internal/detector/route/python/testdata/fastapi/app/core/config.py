from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    API_V1_STR: str = "/api/v1"
    REPORTS_PREFIX: str = "/reports"
    DATABASE_URL: str = "sqlite:///./app.db"


settings = Settings()

