app.post('/x', (req, res) => {
  res.status(500).json({ error: 
  console.log(
  fetch('https://a.example.com', { 
`${
