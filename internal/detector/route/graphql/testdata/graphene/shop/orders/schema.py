import graphene

from .models import Order


class OrderType(graphene.ObjectType):
    id = graphene.ID()
    total = graphene.Float()


class Query(graphene.ObjectType):
    all_orders = graphene.List(OrderType)  # want: POST /api/graphql#Query.allOrders
    order = graphene.Field(OrderType, id=graphene.ID(required=True))  # want: POST /api/graphql#Query.order

    def resolve_all_orders(root, info):
        if not info.context.user.is_authenticated:
            raise PermissionError("login required")
        return Order.objects.all()

    def resolve_order(root, info, id):
        return Order.objects.get(pk=id)


class CancelOrder(graphene.Mutation):
    class Arguments:
        id = graphene.ID(required=True)

    ok = graphene.Boolean()

    def mutate(root, info, id):
        Order.objects.filter(pk=id).delete()
        return CancelOrder(ok=True)


class Mutation(graphene.ObjectType):
    cancel_order = CancelOrder.Field()  # want: POST /api/graphql#Mutation.cancelOrder
