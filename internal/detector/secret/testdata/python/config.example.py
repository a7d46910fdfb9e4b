# Copy to config.py and fill in.
SECRET_KEY = 'changeme'
JWT_SECRET = os.getenv("JWT_SECRET", "replace-me")
