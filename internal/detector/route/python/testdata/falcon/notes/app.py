# A Falcon notes API: resources added by URI template answer with their
# on_<verb> responders (on_<verb>_<suffix> for a route added with
# suffix=), behind a middleware that refuses a caller without a valid
# token except on the paths it lets through.
import falcon

from notes.auth import TokenMiddleware
from notes import v1
from notes.resources import HealthResource, NoteResource, NotesResource

application = None


def create_app():
    global application
    application = falcon.App()
    v1.init(application)
    return application


app = falcon.App(middleware=[TokenMiddleware()])

notes = NotesResource()
app.add_route("/notes", notes)  # want: GET /notes; POST /notes
app.add_route("/notes/{note_id:int}", NoteResource())  # want: GET /notes/{note_id}; DELETE /notes/{note_id}
app.add_route("/notes/{note_id:int}/share", NoteResource(), suffix="share")  # want: POST /notes/{note_id}/share
app.add_route("/health", HealthResource())  # want: GET /health
