from flask_restful import Resource


class BaseResource(Resource):
    def get(self, **kwargs):
        return self.fetch(**kwargs)


class OrderResource(BaseResource):
    def fetch(self, order_id=None, ref=None):
        return {"id": order_id or ref}
