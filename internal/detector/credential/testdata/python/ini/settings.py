import configparser
import os

parser = configparser.ConfigParser()
parser.read(os.path.join(os.path.dirname(__file__), "settings.ini"))


class Settings:
    SECRET_KEY = parser["server"]["SECRET_KEY"]  # want: credential SECRET_KEY secret -
    DATABASE_URL = parser["server"].get("DATABASE_URL")  # want: credential DATABASE_URL secret -
    MAIL_PORT = parser["email"].getint("MAIL_PORT")  # want: credential MAIL_PORT config -
    DB_PASSWORD = parser.get("db", "password")  # want: credential db.password secret -
    THEME = parser.get("ui", "theme")  # want: credential ui.theme config -
    HELP = "set parser['server']['API_TOKEN'] in settings.ini"
