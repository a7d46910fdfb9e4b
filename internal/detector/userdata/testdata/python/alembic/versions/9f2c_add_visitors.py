"""Add the visitors log. Its file name sorts after the revision that
drops the table, so order comes from down_revision, not the name."""
from alembic import op

revision = "9f2c"
down_revision = "1a7e"


def upgrade():
    op.execute("CREATE TABLE visitors (id serial primary key, ip_address text)")
    op.execute("CREATE TABLE referrals (id serial primary key, email text)")  # want: asset user-data referrals email


def downgrade():
    op.drop_table("visitors")
    op.drop_table("referrals")
