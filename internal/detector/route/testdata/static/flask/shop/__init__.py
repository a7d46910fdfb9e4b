from flask import Flask

# Flask's default static folder, beside this module: /static/<path:filename>.
app = Flask(__name__)  # want: route GET /static/{filename}; serves /static/site.css; serves /static/img/logo.png


@app.route("/")  # want: route GET /
def index():
    return "shop"
