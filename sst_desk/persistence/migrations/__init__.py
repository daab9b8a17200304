"""Alembic migrations of SST Desk's database (run through ``sst_desk.persistence.migrate``)."""
