import datetime

import jwt


def issue(account, key):
    claims = {"sub": account.id}
    claims["exp"] = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=15)
    return jwt.encode(claims, key, algorithm="HS256")
