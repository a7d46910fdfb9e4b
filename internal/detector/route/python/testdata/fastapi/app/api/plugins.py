# Routes whose paths are built at run time: said once per file, at the
# first, and counted.
from fastapi import APIRouter

from app.core.settings import settings

router = APIRouter()


@router.get("/plugins")  # want: GET /plugins
def list_plugins():
    return []


@router.get(settings.plugin_path + "/{name}")  # want: missed 2
def plugin(name: str):
    return {"name": name}


@router.post(f"{settings.hooks_root}/run")
def run_hook():
    return {}


# Lookalike: a decorator of something that is no router.
cache = {}


def memo(key):
    return lambda f: f


@memo(settings.plugin_path)
def warm():
    return None
