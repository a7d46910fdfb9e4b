from flask import Flask, render_template

app = Flask(__name__)


@app.route("/")
def home():
    return render_template("home.html", page_title="Shop")


# The page is a shell: its script calls the API, whose admin routes are
# judged on their own. The route itself reads and changes nothing.
@app.route("/admin")
def admin_page():
    return render_template("admin.html", page_title="Admin Dashboard")
