// Numbers and + - * / only.
function evaluate(text) {
  const tokens = text.match(/\d+(\.\d+)?|[-+*/]/g) || [];
  let total = Number(tokens.shift() || 0);
  while (tokens.length) {
    const op = tokens.shift();
    const n = Number(tokens.shift());
    if (op === "+") total += n;
    if (op === "-") total -= n;
    if (op === "*") total *= n;
    if (op === "/") total /= n;
  }
  return total;
}

module.exports = { evaluate };
