from flask import Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

app = Flask(__name__)


def real_ip():
    return request.headers.get("X-Forwarded-For", request.remote_addr)  # want: weakness limiter-keyed-on-header


login_limiter = Limiter(key_func=real_ip, app=app)  # want: weakness limiter-keyed-on-header; control rate-limit
api_limiter = Limiter(key_func=get_remote_address, app=app)  # want: control rate-limit
