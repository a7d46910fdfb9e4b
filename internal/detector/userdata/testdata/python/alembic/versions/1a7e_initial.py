"""Initial revision."""
from alembic import op

revision = "1a7e"
down_revision = None


def upgrade():
    op.execute("CREATE TABLE guests (id serial primary key, phone text)")  # want: asset user-data guests phone


def downgrade():
    op.drop_table("guests")
