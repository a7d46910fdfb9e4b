'use strict';

// A route table the framework serves itself: method, path and handler.
module.exports = {
  routes: [
    { method: 'GET', path: '/articles', handler: 'article.find' }, // want: GET /articles
    {
      method: 'PUT', // want: PUT /articles/{id}
      path: '/articles/:id',
      handler: 'article.update',
      config: { policies: ['is-owner'] },
    },
  ],
};
