import os

from fastapi import APIRouter, Cookie, Depends, Header, UploadFile
from fastapi.responses import FileResponse, RedirectResponse
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db import get_db, search_reports
from app.models import Report, ReportIn

router = APIRouter()

REPORTS = "/srv/reports"


@router.get("/search")
def search(q: str, owner: str = "me", db: Session = Depends(get_db)):
    return search_reports(db, owner, q)


@router.get("/by-title")
def by_title(title: str, db: Session = Depends(get_db)):
    return db.execute(text("SELECT id FROM reports WHERE title = :t"), {"t": title}).all()


@router.get("/filtered")
def filtered(title: str, db: Session = Depends(get_db)):
    return db.query(Report).filter(text("title = '%s'" % title)).all()  # want: sql-injection via=query


@router.get("/orm")
def orm(title: str, db: Session = Depends(get_db)):
    return db.query(Report).filter(Report.title == title).all()


@router.get("/{report_id}/download")
def download(report_id: str):
    return FileResponse(os.path.join(REPORTS, report_id + ".pdf"))  # want: path-traversal via=param


@router.get("/{report_id}/pdf")
def pdf(report_id: int):
    # An int path parameter cannot name another folder.
    return FileResponse(os.path.join(REPORTS, f"{report_id}.pdf"))


@router.post("/")
def create(report: ReportIn, db: Session = Depends(get_db)):
    row = Report(**report.dict())  # want: mass-assignment via=body
    db.add(row)
    db.commit()
    return {"id": row.id}


@router.post("/named")
def create_named(report: ReportIn, db: Session = Depends(get_db)):
    row = Report(title=report.title, owner=report.owner)
    db.add(row)
    db.commit()
    return {"id": row.id}


@router.post("/attach")
async def attach(file: UploadFile):
    with open(os.path.join(REPORTS, file.filename), "wb") as out:  # want: path-traversal via=file-name
        out.write(await file.read())
    return {"ok": True}


@router.get("/login/done")
def done(next_url: str = "/"):
    return RedirectResponse(next_url)  # want: open-redirect via=query


@router.get("/theme")
def theme(theme: str = Cookie("light"), lang: str = Header("en")):
    return FileResponse(os.path.join("/srv/themes", theme, lang + ".css"))  # want: path-traversal via=cookie
