def broken(:
    return jsonify({"error":
    requests.post(
  """unterminated
ÿþ
