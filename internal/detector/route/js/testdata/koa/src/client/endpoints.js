// Look-alikes: a client's list of endpoints (no handler), a menu, and a
// table whose paths are names.
export default [
  { method: 'GET', path: '/articles' },
  { method: 'DELETE', path: '/articles/:id' },
];

module.exports = {
  routes: [
    { path: '/home', component: 'Home', handler: 'noop' },
    { method: 'GET', path: 'articles.list', handler: 'article.find' },
  ],
};
