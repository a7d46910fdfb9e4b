const Router = require('@koa/router');
const jwt = require('koa-jwt');
const posts = require('../routes/posts');
const comments = require('../routes/comments');

const api = new Router({ prefix: '/api' });

api.post('/session', async (ctx) => { ctx.body = { token: 't' }; }); // want: POST /api/session; auth POST /api/session none
api.use(jwt({ secret: process.env.JWT_SECRET }));
api.use('/posts', posts.routes(), posts.allowedMethods());
api.use('/posts/:postId/comments', comments.routes());

module.exports = api;
