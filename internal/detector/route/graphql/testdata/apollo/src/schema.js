// Apollo Server behind Express at /api/graphql, schema in a template
// literal, resolvers in another file.
const { ApolloServer } = require('@apollo/server');
const { expressMiddleware } = require('@apollo/server/express4');
const express = require('express');
const resolvers = require('./resolvers');

const typeDefs = `#graphql
  """A person with an account."""
  type User {
    id: ID!
    email: String
    orders(first: Int = 10): [Order!]!
  }

  type Order { id: ID! total: Float }

  input NewUser { email: String! password: String! }

  type Query {
    me: User # want: POST /api/graphql#Query.me
    user(id: ID!): User @deprecated(reason: "use node") # want: POST /api/graphql#Query.user
  }

  type Mutation {
    "Creates an account."
    createUser(input: NewUser!): User! # want: POST /api/graphql#Mutation.createUser
    deleteUser(id: ID!): Boolean # want: POST /api/graphql#Mutation.deleteUser
  }

  type Subscription {
    orderPlaced(userId: ID): Order # want: POST /api/graphql#Subscription.orderPlaced
  }
`;

async function start() {
  const app = express();
  const server = new ApolloServer({ typeDefs, resolvers });
  await server.start();
  app.use('/api/graphql', express.json(), expressMiddleware(server));
  app.listen(4000);
}

module.exports = { start };
