"""Keys written as a few words, beside sentences that describe them."""
from flask import Flask

app = Flask(__name__)
# A few words typed as the key: anyone who reads them can sign a session.
app.secret_key = "our signing words"  # want: secret hardcoded-signing-key

# Prose: a sentence under a key's name, and one in a message field.
jwt_secret = "Set the signing key in the environment before you deploy."
error_message = "the session secret key is wrong"
