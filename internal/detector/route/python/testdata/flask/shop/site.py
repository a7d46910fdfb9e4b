from flask import Flask

site = Flask("site")

from shop.pages import home  # noqa: E402,F401  registers the pages
