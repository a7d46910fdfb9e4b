const express = require('express');
const { guestOnly, redirectIfAuthenticated } = require('../lib/guards');

const router = express.Router();
const loginLimiter = require('../lib/limits').loginLimiter;

module.exports = function (passport) {
  router.get('/login', guestOnly, (req, res) => res.render('login')); // want: GET /auth/login; auth GET /auth/login none
  router.post( // want: POST /auth/login; auth POST /auth/login none
    '/login',
    loginLimiter,
    passport.authenticate('local', { failureRedirect: '/auth/login' }),
    (req, res) => res.redirect('/account'),
  );
  router.post('/register', redirectIfAuthenticated, (req, res) => res.redirect('/auth/login')); // want: POST /auth/register; auth POST /auth/register none
  router.get('/token', passport.authenticate('jwt', { session: false }), (req, res) => res.json({ id: req.user.id })); // want: GET /auth/token; auth GET /auth/token required
  return router;
};
