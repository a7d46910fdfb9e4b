from flask import abort, jsonify

from app import app, current_user, db, login_required


class Task(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, nullable=False)
    title = db.Column(db.String(200))


# Sequential ids and no denial log, but the owner is checked: the owner
# condition answers the threat, so the row is drafted mitigated.
@app.get("/api/tasks/<int:task_id>")
@login_required
def show_task(task_id):
    task = Task.query.get_or_404(task_id)
    if task.owner_id != current_user.id:
        abort(404)
    return jsonify(id=task.id, title=task.title)


# The parameter is the export's format: it picks a renderer and is never
# looked up.
@app.get("/api/tasks/export.<fmt>")
@login_required
def export_tasks(fmt):
    if fmt not in ("csv", "json"):
        abort(400)
    rows = Task.query.filter_by(owner_id=current_user.id).all()
    return render_rows(rows, fmt)
