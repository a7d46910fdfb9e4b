"""The admin panel: a separate app, served only on the internal network
(uvicorn app.admin_app:admin --host 10.0.1.5), never mounted on the public
API."""
import ipaddress
import logging

import pyotp
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from sqlalchemy.orm import Session

from .auth import get_current_user
from .config import ADMIN_ALLOWED_IPS
from .db import get_db
from .models import User

admin = FastAPI(title="docqa admin", docs_url=None, openapi_url=None)
audit_log = logging.getLogger("docqa.audit")


def require_admin(request: Request, user: User = Depends(get_current_user), otp: str = Header(...)) -> User:
    client = ipaddress.ip_address(request.client.host)
    if not any(client in ipaddress.ip_network(net) for net in ADMIN_ALLOWED_IPS if net):
        raise HTTPException(status_code=404)
    if not user.is_admin:
        raise HTTPException(status_code=404)
    if not pyotp.TOTP(user.mfa_secret).verify(otp):
        raise HTTPException(status_code=401, detail="MFA code required")
    return user


@admin.get("/admin")
def dashboard(db: Session = Depends(get_db), staff: User = Depends(require_admin)):
    return [{"id": u.id, "email": u.email, "plan": u.plan} for u in db.query(User).all()]


@admin.delete("/admin/users/{user_id}")
def delete_user(user_id: int, db: Session = Depends(get_db), staff: User = Depends(require_admin)):
    db.query(User).filter(User.id == user_id).delete()
    audit_log.info("audit: user %s deleted by admin %s", user_id, staff.id)
    db.commit()
    return {"deleted": user_id}
