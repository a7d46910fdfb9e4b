# A dict of dicts read as an ini file would be: no configparser here, so
# these are the app's own tables, not settings.
DEFAULTS = {"server": {"SECRET_KEY": "", "PORT": 8000}}

SECRET = DEFAULTS["server"]["SECRET_KEY"]
PORT = DEFAULTS["server"].get("PORT")
