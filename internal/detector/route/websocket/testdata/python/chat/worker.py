import socketio

sio = socketio.AsyncServer(async_mode="asgi")
app = socketio.ASGIApp(sio)


@sio.event
async def connect(sid, environ):
    pass


@sio.event
async def typing(sid, data):  # want: GET /socket.io#typing
    await sio.emit("typing", data, skip_sid=sid)


@sio.on("upload chunk")
async def upload_chunk(sid, data):  # want: GET /socket.io#upload chunk
    return len(data)


class Scheduler:
    def on(self, name):
        return lambda f: f


jobs = Scheduler()


# Lookalike: an .on decorator of something that is no socket server.
@jobs.on("nightly")
def nightly():
    pass
