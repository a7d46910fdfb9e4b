import jwt

token = jwt.encode({"a": 1, "b": [2, 3}, "unterminated
SECRET_KEY = """
app.config['SECRET_KEY' = 
os.getenv("JWT_SECRET", 
ÿþ broken bytes
