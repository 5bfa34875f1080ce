"""Linimasa's Qt layer: widgets, models over core data, dialogs. No SQL here."""
