"""Linimasa's domain and data layer: plain Python over one SQLite file, never Qt."""

__version__ = "0.1.0"
APP_NAME = "Linimasa"
