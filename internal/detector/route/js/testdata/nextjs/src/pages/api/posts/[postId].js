const handler = async (req, res) => {
  if (req.method !== 'DELETE') return res.status(405).end();
  await req.db.posts.delete({ where: { id: Number(req.query.postId) } });
  res.status(204).end();
};

export default withAuth(handler); // want: DELETE /api/posts/{postId}; auth DELETE /api/posts/{postId} required
