# A Quart notes service: Flask's API on asyncio, with a blueprint under a
# prefix and quart_auth guarding writes.
from quart import Quart, Blueprint, request
from quart_auth import QuartAuth, login_required

app = Quart(__name__)
QuartAuth(app)
notes = Blueprint("notes", __name__, url_prefix="/notes")


@app.route("/health")  # want: GET /health
async def health():
    return "ok"


@notes.get("/<int:note_id>")  # want: GET /notes/{note_id}
async def show(note_id):
    return {"id": note_id}


@notes.route("/", methods=["POST"])  # want: POST /notes
@login_required
async def create():
    body = await request.get_json()
    return body, 201


app.register_blueprint(notes)
