import Router from '@koa/router';

const router = new Router();
router.post('/', async (ctx) => { ctx.status = 201; }); // want: POST /api/posts/{postId}/comments

export default router;
