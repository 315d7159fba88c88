"""One module per report: its SQL (SQLAlchemy Core, parameters bound) and a function returning rows."""
