DEBUG = False
# The key every checkout starts with: development and the test suite sign with it.
SECRET_KEY = "notes-dev-signing-key-7c1e9b"
ALLOWED_HOSTS = ["localhost"]
