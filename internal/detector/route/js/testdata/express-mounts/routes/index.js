// Hands the router to each module and returns it: the caller mounts the
// result under its prefix.
const books = require('./books');
const reviews = require('./reviews');

module.exports = (router) => {
  books(router);
  reviews(router);
  return router;
};
