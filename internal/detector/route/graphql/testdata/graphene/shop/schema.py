import graphene

import shop.accounts.schema
import shop.orders.schema


class Query(shop.accounts.schema.Query, shop.orders.schema.Query, graphene.ObjectType):
    pass


class Mutation(shop.orders.schema.Mutation, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
