from typing import TYPE_CHECKING

from flask_sqlalchemy import SQLAlchemy
from pydantic import BaseModel as Schema

db = SQLAlchemy()

# The project binds its model base once, under a type checker's guard, and
# every models file imports it by name.
if TYPE_CHECKING:
    from flask_sqlalchemy.model import Model

    ClubModel = Model
else:
    ClubModel = db.Model

# A schema base bound the same way is no model base.
RequestSchema = Schema
