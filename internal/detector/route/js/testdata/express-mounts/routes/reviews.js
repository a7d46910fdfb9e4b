module.exports = function (router) {
  router.get('/v1/books/:isbn/reviews', function (req, res) { // want: GET /api/v1/books/{isbn}/reviews
    res.json([]);
  });
};
