export function logRequest(req, res) {
  console.log(req.method, req.url, res.statusCode);
}
