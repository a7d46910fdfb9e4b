from .base import *

ALLOWED_HOSTS = ["shop.example.com"]
