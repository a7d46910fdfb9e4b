from flask import Flask, redirect, render_template, request, url_for
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class Alert(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(200))


# One view for the alert page and its form: the delete runs only in the
# branch for POST, so the GET route only reads.
@app.route("/alerts/<int:alert_id>", methods=["GET", "POST"])
def alert(alert_id):
    found = Alert.query.get_or_404(alert_id)
    if request.method == "POST":
        db.session.delete(found)
        db.session.commit()
        return redirect(url_for("index"))
    return render_template("alert.html", alert=found)
