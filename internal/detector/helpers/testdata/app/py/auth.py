import hashlib


def sha(value):
    return hashlib.sha1(value.encode()).hexdigest()


def set_password(user, password):
    user.password = sha(password)  # want: weakness weak-password-hash


def etag(body):
    return sha(body)
