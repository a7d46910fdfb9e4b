"""Visitors are no longer logged."""
from alembic import op

revision = "2b44"
down_revision = "9f2c"


def upgrade():
    op.drop_table("visitors")


def downgrade():
    op.execute("CREATE TABLE visitors (id serial primary key, ip_address text)")
