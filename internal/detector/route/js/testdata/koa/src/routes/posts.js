const Router = require('@koa/router');

const router = new Router();

router
  .get('/', async (ctx) => { ctx.body = await ctx.db.posts.all(); }) // want: GET /api/posts; auth GET /api/posts required
  .get('post', '/:id', async (ctx) => { // want: GET /api/posts/{id}
    ctx.body = await ctx.db.posts.get(parseInt(ctx.params.id));
  })
  .del('/:id', async (ctx) => { await ctx.db.posts.remove(ctx.params.id); ctx.status = 204; }); // want: DELETE /api/posts/{id}

module.exports = router;
