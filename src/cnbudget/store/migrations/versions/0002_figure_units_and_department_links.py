"""figure units and department links

Every headline figure keeps the unit its table printed (comparisons convert to one unit);
``department_links`` holds departments renamed between years.  Figures stored before this
revision take their document's unit (the best the stored rows say; a re-ingest by a newer
parser stores each figure's own table unit).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 11:34:38.669552
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "department_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("old", sa.String(length=200), nullable=False),
        sa.Column("new", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department_links")),
        sa.UniqueConstraint("old", "new", name="uq_department_links_old_new"),
    )
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit", sa.String(length=10), nullable=True))
    op.execute(
        "UPDATE figures SET unit = (SELECT documents.unit FROM documents WHERE documents.id = figures.document_id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_column("unit")
    op.drop_table("department_links")
