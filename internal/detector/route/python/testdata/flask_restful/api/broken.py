from flask_restful import Resource

class Half(Resource:
    def get(self)
        return {
