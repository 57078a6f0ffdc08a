"""Reading user spreadsheets (Excel .xlsx) into plain values; no Qt, no database."""
