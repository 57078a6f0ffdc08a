"""Pure domain: dataclasses, enums, rules and Vietnamese text. No Qt, no SQLAlchemy."""
