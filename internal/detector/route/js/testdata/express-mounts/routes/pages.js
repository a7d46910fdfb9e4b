module.exports = function (app) {
  app.get('/', (req, res) => res.render('home')); // want: GET /; auth GET / none
  app.get('/about', (req, res) => res.render('about')); // want: GET /about
};
