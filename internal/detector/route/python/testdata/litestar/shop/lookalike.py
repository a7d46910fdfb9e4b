# Not Litestar: an HTTP client's get and a Controller of a game engine.
import httpx

from engine import Controller


class Gamepad(Controller):
    path = "/dev/input"

    @staticmethod
    def get(path):
        return httpx.get(path)


client_index = httpx.get("/status")
