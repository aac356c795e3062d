"""Minutes: compose a record into a Minutes document, and render that document."""
