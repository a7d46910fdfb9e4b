module.exports = function decode(token) {
  const [h, p] = token.split('.')
  return { header: JSON.parse(Buffer.from(h, 'base64')), payload: JSON.parse(Buffer.from(p, 'base64')) }
}
