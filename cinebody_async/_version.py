"""The version of the cinebody distribution."""

__version__ = "0.1.0"
