# A Tornado chat: a handler table returned by an app factory, regex
# patterns whose groups feed the handlers' arguments, url() specs, and
# tornado.web.authenticated on the rooms a caller must sign in for.
import os

import tornado.ioloop
import tornado.web
from tornado.web import url

from chat.handlers import RoomHandler, MessageHandler


class MainHandler(tornado.web.RequestHandler):
    def get(self):  # want: GET /
        self.write("hi")


class LoginHandler(tornado.web.RequestHandler):
    def get(self):  # want: GET /login
        self.render("login.html")

    def post(self):  # want: POST /login
        self.set_secure_cookie("user", self.get_argument("name"))


def make_app():
    return tornado.web.Application([
        (r"/", MainHandler),
        (r"/login", LoginHandler),
        (r"/rooms/([0-9]+)", RoomHandler),  # want: GET /rooms/{room_id}; DELETE /rooms/{room_id}
        url(r"/rooms/(?P<room>\d+)/messages/?", MessageHandler, name="messages"),  # want: POST /rooms/{room}/messages
    ], cookie_secret=os.environ["COOKIE_SECRET"], login_url="/login")


if __name__ == "__main__":
    app = make_app()
    app.listen(8888)
    tornado.ioloop.IOLoop.current().start()
