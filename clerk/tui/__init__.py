"""The terminal screens. Only this package imports Textual; importing it imports nothing heavy."""
