from pydantic import BaseModel, Field


class CardCreate(BaseModel):
    holder: str
    expiry_month: str = Field(pattern=r"^(0[1-9]|1[0-2])$")
