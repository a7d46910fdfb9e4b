from fastapi import FastAPI

from app.routers import files, reports, signin, tools

app = FastAPI()
app.include_router(reports.router, prefix="/reports")
app.include_router(tools.router, prefix="/tools")
app.include_router(files.router, prefix="/files")
app.include_router(signin.router, prefix="/signin")
