"""cockpit: an incident cockpit for the terminal."""

__version__ = "0.1.0"
