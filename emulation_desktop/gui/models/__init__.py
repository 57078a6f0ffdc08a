"""Qt item models over the services' frozen values."""
