const { requireSignedIn, homeIfSignedIn } = require('../lib/guards');

module.exports = function (app) {
  app.get('/', (req, res) => res.render('home')); // want: GET /; auth GET / none
  app.get('/about', (req, res) => res.render('about')); // want: GET /about
  app.get('/dashboard', requireSignedIn, (req, res) => res.render('dashboard')); // want: GET /dashboard; auth GET /dashboard required
  app.get('/welcome', homeIfSignedIn, (req, res) => res.render('welcome')); // want: GET /welcome; auth GET /welcome none
};
