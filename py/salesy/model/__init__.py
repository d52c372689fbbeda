"""The fitted model: rule weights, thresholds and the wording table (see fitted.py)."""
