module.exports = (app) => [
  { method: 'POST', path: '/articles/:id/publish', handler: 'article.publish' }, // want: POST /articles/{id}/publish
];
