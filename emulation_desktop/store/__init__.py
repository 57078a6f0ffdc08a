"""SQLAlchemy 2.x store: models, engine with pragmas, session scope, Alembic migrations, lock."""
