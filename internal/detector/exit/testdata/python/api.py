from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, JSONResponse
import boto3
import httpx

app = FastAPI(  # want: exit debug-mode
    title="reports",
    debug=True,  # the flag is on a continuation line
)
ses = boto3.client("ses")


@app.get("/reports/{rid}.pdf")
async def report(rid: int):
    return FileResponse(f"/srv/reports/{rid}.pdf")  # want: exit export


@app.post("/reports/{rid}/share")
async def share(rid: int, to: str):
    ses.send_email(Source="reports@acme.test", Destination={"ToAddresses": [to]}, Message=msg(rid))  # want: exit email
    async with httpx.AsyncClient() as client:
        await client.post(f"https://api.segment.io/v1/track", json={"event": "share", "rid": rid})  # want: exit outbound-call
    return JSONResponse({"ok": True})


def status():
    try:
        return check()
    except Exception as e:
        logging.warning("status failed: %s", e)
        return JSONResponse({"status": "down"}, status_code=503)
