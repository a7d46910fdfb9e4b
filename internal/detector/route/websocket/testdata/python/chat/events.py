from flask import Flask
from flask_socketio import SocketIO, emit

app = Flask(__name__)
socketio = SocketIO(app)


@socketio.on("connect")
def on_connect():
    emit("hello")


@socketio.on("chat message")
def chat_message(data):  # want: GET /socket.io#chat message
    emit("chat message", data, broadcast=True)


@socketio.on("kick", namespace="/admin")
def kick(data):  # want: GET /socket.io#/admin:kick
    if not current_user.is_admin:
        return False
    emit("kicked", data, to=data["sid"])
