// Hands a rejected promise to Express's error handler.
module.exports = (fn) => (req, res, next) => fn(req, res, next).catch(next);
