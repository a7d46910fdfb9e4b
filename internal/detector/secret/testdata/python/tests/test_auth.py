from app import app, check_password

SECRET_KEY = "test-secret-key"


def test_login():
    password = "hunter2-test"
    assert check_password(password, "hunter2-test")
    token = jwt.encode({"sub": "u1"}, "test-signing-key", algorithm="HS256")
    assert token
