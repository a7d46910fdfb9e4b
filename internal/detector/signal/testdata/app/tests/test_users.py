import hashlib

# Tests may do unsafe things on purpose: not the product's weaknesses.
def test_hash():
    assert hashlib.md5(b"password").hexdigest()
    requests.get(request.args.get("url"))
