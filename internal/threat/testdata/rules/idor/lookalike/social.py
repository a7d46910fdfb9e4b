from flask import abort, jsonify

from app import app, db, current_user, login_required, log


class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(40), unique=True)
    bio = db.Column(db.String(300))


class Article(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(120), unique=True)
    body = db.Column(db.Text)


class Note(db.Model):
    id = db.Column(db.String(36), primary_key=True)
    owner_id = db.Column(db.Integer, nullable=False)
    text = db.Column(db.Text)


# Following acts on the caller's own follow list: the profile is public.
@app.post("/api/profiles/<username>/follow")
@login_required
def follow(username):
    profile = Profile.query.filter_by(username=username).first_or_404()
    current_user.following.append(profile)
    db.session.commit()
    return jsonify(username=profile.username, following=True)


# Articles are public content, read by slug.
@app.get("/api/articles/<slug>")
def show_article(slug):
    article = Article.query.filter_by(slug=slug).first_or_404()
    return jsonify(slug=article.slug, body=article.body)


# The owner check sits in the handler, after the fetch.
@app.get("/api/notes/<uuid:note_id>")
@login_required
def show_note(note_id):
    note = Note.query.get_or_404(str(note_id))
    if note.owner_id != current_user.id:
        log.warning("access denied: note %s for user %s", note_id, current_user.id)
        abort(403)
    return jsonify(id=note.id, text=note.text)
