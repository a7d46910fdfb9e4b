def (((( broken
  hashlib.sha256(
