"""Phong trào thi đua: movements and the year plan, registrations, reviews, advanced models."""
