from flask import Flask, jsonify, redirect, render_template, request, url_for
from flask_login import LoginManager, UserMixin, current_user
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)


class Member(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    password_hash = db.Column(db.String(128))


class Recipe(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.Text)
    member_id = db.Column(db.Integer, db.ForeignKey("member.id"))


class Review(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.Text)
    recipe_id = db.Column(db.Integer, db.ForeignKey("recipe.id"))
    member_id = db.Column(db.Integer, db.ForeignKey("member.id"))


# Every visitor browses every recipe.
@app.route("/")
def index():
    recipes = Recipe.query.order_by(Recipe.id.desc()).all()
    return render_template("index.html", recipes=recipes)


# The recipe's page shows it; posting to the same page rewrites the
# recipe with what was posted: anyone changes anyone's recipe.
@app.route("/recipe/<int:recipe_id>", methods=["GET", "POST"])
def recipe(recipe_id):
    r = Recipe.query.get_or_404(recipe_id)
    if request.method == "POST":
        r.text = request.form["text"]
        db.session.commit()
        return redirect(url_for("recipe", recipe_id=r.id))
    return render_template("recipe.html", recipe=r)
