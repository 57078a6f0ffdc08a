"""Use cases. Each owns its transaction and returns frozen dataclasses, never ORM rows."""
