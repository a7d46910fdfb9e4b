# Lookalike: a class named Query that is no GraphQL type.
class Query:
    term = ""

    def resolve_term(self):
        return self.term
