const { requireToken } = require('../lib/guards');

// Registers on whatever router it is given and returns it.
function buildOrders(router) {
  router.use(requireToken);
  router.get('/', (req, res) => res.json([])); // want: GET /orders; auth GET /orders required
  router.post('/:orderId/cancel', (req, res) => res.sendStatus(202)); // want: POST /orders/{orderId}/cancel
  return router;
}

module.exports = { buildOrders };
