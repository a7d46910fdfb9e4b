const { ApolloServer } = require("@apollo/server");
const { createYoga } = require("graphql-yoga");
const { graphqlHTTP } = require("express-graphql");

const server = new ApolloServer({
  typeDefs,
  resolvers,
  introspection: true, // want: weakness graphql-exposed
  allowBatchedHttpRequests: true, // want: weakness graphql-exposed
});

app.use("/graphql", graphqlHTTP({ schema, graphiql: true })); // want: weakness graphql-exposed
app.use("/internal/graphql", graphqlHTTP({ schema, graphiql: process.env.NODE_ENV !== "production" }));

// A debug option beside it is no condition on the environment.
const open = new ApolloServer({
  schema,
  introspection: true, // want: weakness graphql-exposed
  debug: true,
});
const gated = new ApolloServer({ schema, introspection: process.env.DEBUG === "1" });

const yoga = createYoga({ schema }); // want: weakness graphql-exposed
const quiet = createYoga({ schema, graphiql: false });
