"""Excel .xlsx files as plain values: user lists read in (reader), exports written (writer).

No Qt and no database here; only openpyxl and the domain.
"""
