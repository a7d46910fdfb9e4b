const { requireToken } = require('../lib/guards');

module.exports = (router) => {
  router.route('/v1/books') // want: GET /api/v1/books; POST /api/v1/books
    .get(async (req, res) => res.json([]))
    .post(requireToken, async (req, res) => res.status(201).json(req.body)); // want: auth POST /api/v1/books required
  router.delete('/v1/books/:isbn', requireToken, async (req, res) => res.sendStatus(204)); // want: DELETE /api/v1/books/{isbn}
};
