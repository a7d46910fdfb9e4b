test('errors', async () => {
  console.log(req.body);
  res.status(500).json({ error: err.message });
});
