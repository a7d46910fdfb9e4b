module.exports = async function (fastify) {
  fastify.get('/status', async () => ({ ok: true })); // want: GET /api/_meta/status
};
module.exports.autoPrefix = '/_meta';
