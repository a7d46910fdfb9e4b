import jwt


def issue(account, key):
    # No exp: the token is good forever.
    return jwt.encode({"sub": account.id}, key, algorithm="HS256")  # want: weakness jwt-no-expiry
