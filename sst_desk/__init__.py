"""SST Desk: case management for Swedish skolsociala team."""

__version__ = "0.1.0"
