import os

from flask_socketio import SocketIO

socketio = SocketIO()


@socketio.on("convert")
def convert(data):
    os.system("convert " + data["file"] + " out.png")  # want: command-injection via=message
