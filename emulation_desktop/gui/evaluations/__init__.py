"""Đánh giá – Sáng kiến: yearly grades, periods, initiatives, complaints and inspections."""
