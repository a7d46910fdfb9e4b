INSTALLED_APPS = ["django.contrib.auth", "relay"]

# Lookalike: a relay on this machine, fixed in the code: no server to
# configure, no one else's.
EMAIL_HOST = 'localhost'
EMAIL_PORT = 25
