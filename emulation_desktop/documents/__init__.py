"""Document generators: .docx (python-docx) and PDF (reportlab); pure functions ending in a file."""
