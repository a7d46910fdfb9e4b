exports.handle = async (req, res) => {
  const r = await fetch('https://api.payments.example/v1/balance');
  res.end(await r.text());
};
