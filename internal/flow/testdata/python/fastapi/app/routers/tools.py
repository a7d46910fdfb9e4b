import subprocess

import httpx
from fastapi import APIRouter

from app.models import Job

router = APIRouter()

HOOKS = {"slack": "https://hooks.slack.com/services/x", "teams": "https://teams.example.com/hook"}


def shell(command):
    return subprocess.check_output(command, shell=True)  # want: command-injection via=body


@router.post("/run")
def run(job: Job):
    return {"out": shell(job.command).decode()}


@router.post("/ping")
def ping(job: Job):
    return {"out": subprocess.check_output(["ping", "-c", "1", job.host]).decode()}


@router.post("/notify")
async def notify(job: Job):
    async with httpx.AsyncClient() as client:
        await client.post(job.callback, json={"done": True})  # want: ssrf via=body
    return {"ok": True}


@router.post("/notify-known")
async def notify_known(job: Job):
    # The URL comes from our own table; the request only picks the key.
    url = HOOKS.get(job.callback, HOOKS["slack"])
    async with httpx.AsyncClient() as client:
        await client.post(url, json={"done": True})
    return {"ok": True}
