"""Cài đặt → Quy định thi đua, khen thưởng: the rule versions, money and the eligibility check."""
