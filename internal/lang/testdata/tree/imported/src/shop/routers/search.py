from fastapi import APIRouter

from shop.processor.tools.export import export
from shop.processor.tools.online_search import search_online
from dev.locales import LOCALES

router = APIRouter()


@router.get("/search")
def search(q: str):
    return {"results": search_online(q), "locales": LOCALES, "rows": export([])}
