module.exports = function (router) {
  router.get('/half', (req, res) => {
    res.json({
  // unterminated on purpose
