module.exports = async function (fastify) {
  fastify.get('/never', async () => {
    return { unbalanced: (1 + 2 }
  };
