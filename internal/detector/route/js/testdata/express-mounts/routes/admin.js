const { requireRole } = require('../lib/guards');

module.exports = function registerAdmin(router) {
  router.use(requireRole('admin'));
  router.get('/reports', (req, res) => res.json([])); // want: GET /admin/reports; auth GET /admin/reports required
  router.delete('/books/:isbn', (req, res) => res.sendStatus(204)); // want: DELETE /admin/books/{isbn}
};
