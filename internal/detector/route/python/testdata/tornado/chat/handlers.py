import tornado.web


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("user")


class RoomHandler(BaseHandler):
    def get(self, room_id):
        self.write({"room": room_id})

    @tornado.web.authenticated
    def delete(self, room_id):
        self.write({})


class MessageHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, room):
        self.write({})
