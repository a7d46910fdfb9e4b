import falcon


class NotesResource:
    def on_get(self, req, resp):
        resp.media = []

    def on_post(self, req, resp):
        resp.status = falcon.HTTP_201


class NoteResource:
    def on_get(self, req, resp, note_id):
        resp.media = {"id": note_id}

    def on_delete(self, req, resp, note_id):
        resp.status = falcon.HTTP_204

    def on_post_share(self, req, resp, note_id):
        resp.media = {"shared": note_id}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True}
