from flask_wtf import FlaskForm
from wtforms import BooleanField, Form, StringField


class ProfileForm(Form):
    email = StringField("Email")
    name = StringField("Name")


class StaffForm(ProfileForm):
    # A field only staff should set, on a form every user posts.
    is_admin = BooleanField("Admin")


class ContactForm(FlaskForm):
    email = StringField("Email")
