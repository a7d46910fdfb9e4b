from .common import *

ALLOWED_HOSTS = ["shop.example.com"]
