// The router lives at module level; the exported factory fills it in and
// hands it back.
var router = require('express').Router();
var guards = require('../lib/guards');

module.exports = function () {
  router.get('/', guards.ensureLoggedIn, function (req, res) { // want: GET /account; auth GET /account required
    res.render('account', { user: req.user });
  });

  router.post('/email', guards.ensureLoggedIn, function (req, res) { // want: POST /account/email; auth POST /account/email required
    res.redirect('/account');
  });

  router.get('/welcome', guards.ensureLoggedOut, function (req, res) { // want: GET /account/welcome; auth GET /account/welcome none
    res.render('welcome');
  });

  return router;
};
