const controller = require('../controllers/notes');
const requireToken = require('../lib/token');

const permission = (scope) => (req, res, next) => (req.scopes || []).includes(scope) ? next() : res.status(403).end();

// Chained registrations: each method's handler is on its own line, and
// middleware may come after the handler.
module.exports = (router) => {
  router.route('/notes/:id')
    .get(requireToken, controller.show, permission('notes:read'))
    .delete(controller.remove);
  router.route('/notes/:id/export')
    .post(requireToken, controller.exportNote);
  return router;
};
