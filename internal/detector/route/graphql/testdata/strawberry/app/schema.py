import strawberry
from fastapi import FastAPI
from strawberry.fastapi import GraphQLRouter


@strawberry.type
class Book:
    title: str
    author: str


def get_books() -> list[Book]:
    return []


@strawberry.type
class Query:
    books: list[Book] = strawberry.field(resolver=get_books)  # want: POST /graphql#Query.books
    version: str  # want: POST /graphql#Query.version

    @strawberry.field
    def book_by_title(self, title: str) -> Book | None:  # want: POST /graphql#Query.bookByTitle
        return None


@strawberry.type
class Mutation:
    @strawberry.mutation
    def add_book(self, info: strawberry.Info, title: str, author: str) -> Book:  # want: POST /graphql#Mutation.addBook
        if info.context["user"] is None:
            raise PermissionError("Unauthorized")
        return Book(title=title, author=author)


schema = strawberry.Schema(query=Query, mutation=Mutation)
graphql_app = GraphQLRouter(schema)
app = FastAPI()
app.include_router(graphql_app, prefix="/graphql")
