import jwt

# The switch is held in a module constant, far from where it is used.
VERIFY_SIGNATURE = False
VERIFY_EXPIRY = True


def leeway():
    return 30


def audience():
    return "api"


def read_claims(token, key):
    return jwt.decode(token, key, algorithms=["HS256"], options={"verify_signature": VERIFY_SIGNATURE})  # want: weakness jwt-unverified


def read_checked(token, key):
    # Lookalikes: a constant that is True, and a caller's own flag.
    return jwt.decode(token, key, algorithms=["HS256"], options={"verify_signature": VERIFY_EXPIRY})


def read_with(token, key, verify):
    return jwt.decode(token, key, algorithms=["HS256"], options={"verify_signature": verify})
