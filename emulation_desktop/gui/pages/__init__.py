"""One page per navigation section."""
