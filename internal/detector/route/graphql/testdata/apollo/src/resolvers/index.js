const { findUser, insertUser, removeUser } = require('../db');
const { pubsub } = require('../pubsub');

function requireUser(ctx) {
  if (!ctx.user) {
    throw new Error('Unauthorized');
  }
  return ctx.user;
}

module.exports = {
  Query: {
    me: (_, __, ctx) => ctx.user,
    user: async (_, { id }) => findUser(id),
  },
  Mutation: {
    async createUser(_, { input }) {
      return insertUser(input);
    },
    deleteUser: async (_, { id }, ctx) => {
      requireUser(ctx);
      return removeUser(id);
    },
  },
  Subscription: {
    orderPlaced: {
      subscribe: () => pubsub.asyncIterator(['ORDER_PLACED']),
    },
  },
  User: {
    orders: (user) => user.orders,
  },
};
