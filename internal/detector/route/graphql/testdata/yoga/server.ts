// graphql-yoga with its default endpoint, schema and resolvers together.
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      hello(name: String): String! # want: POST /graphql#Query.hello
      posts: [Post!]! # want: POST /graphql#Query.posts
    }
    type Post { id: ID! title: String! }
    extend type Query {
      post(id: ID!): Post # want: POST /graphql#Query.post
    }
    type Mutation {
      publish(title: String!): Post! # want: POST /graphql#Mutation.publish
    }
  `,
  resolvers: {
    Query: {
      hello: (_: unknown, { name }: { name?: string }) => `Hello ${name ?? 'world'}`,
      posts: () => [],
      post: (_: unknown, { id }: { id: string }) => ({ id, title: '' }),
    },
    Mutation: {
      publish: (_: unknown, { title }: { title: string }) => ({ id: '1', title }),
    },
  },
});

createServer(createYoga({ schema })).listen(4000);
