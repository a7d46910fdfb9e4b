module.exports = { find: async (id) => null };
