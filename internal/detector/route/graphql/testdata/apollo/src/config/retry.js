// Lookalike: an object keyed Query and Mutation that is not a resolver
// map (numbers, not functions), in a file that never mentions GraphQL.
module.exports = {
  Query: { retries: 3, backoffMs: 200 },
  Mutation: { retries: 0 },
};
