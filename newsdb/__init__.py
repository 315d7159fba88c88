"""newsdb: a relational news archive in PostgreSQL."""

__version__ = "0.1.0"
