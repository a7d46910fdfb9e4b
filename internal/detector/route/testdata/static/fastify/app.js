const path = require('node:path')
const fastify = require('fastify')()

fastify.register(require('@fastify/static'), { // want: route GET /media; serves /media/img/cat.jpg; serves /media/index.html
  root: path.join(__dirname, 'public'),
  prefix: '/media/',
})
fastify.get('/api/photos', async () => []) // want: route GET /api/photos
fastify.listen({ port: 3000 })
