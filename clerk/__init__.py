"""clerk: record a council committee meeting live and write its minutes in the house style."""

__version__ = "0.1.0"
