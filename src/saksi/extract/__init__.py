"""Extraction of quantities, dates, claims and events from analysed text."""
