import graphene


class Query(graphene.ObjectType):
    viewer = graphene.String()  # want: POST /api/graphql#Query.viewer

    def resolve_viewer(root, info):
        return info.context.user.username
