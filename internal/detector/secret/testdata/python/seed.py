from app import db
from models import User
from werkzeug.security import generate_password_hash

admin = User(email="admin@notes.test", password=generate_password_hash("Adm1n-Passw0rd!"))  # want: secret default-password
guest = User(email="guest@notes.test", password=generate_password_hash(os.environ["GUEST_PASSWORD"]))
db.session.add_all([admin, guest])
db.session.commit()
