"""The law as data: rule sets versioned by effective date, the eligibility engine, award money."""
