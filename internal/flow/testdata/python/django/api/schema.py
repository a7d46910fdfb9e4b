import graphene
from django.db import connection


class Query(graphene.ObjectType):
    product_names = graphene.List(graphene.String, prefix=graphene.String())

    def resolve_product_names(self, info, prefix):
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM catalog_product WHERE name LIKE '" + prefix + "%'")  # want: sql-injection via=graphql-arg
            return [r[0] for r in cursor.fetchall()]


schema = graphene.Schema(query=Query)
