from fastapi import APIRouter

from . import billing, chat

API_PREFIX = "/v2"

api_router = APIRouter(prefix=API_PREFIX)
api_router.include_router(billing.router, prefix="/billing")
api_router.include_router(chat.router)
