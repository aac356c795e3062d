"""Published minutes read back into a meeting record (`clerk import-minutes`).

`lines` takes off the conversion's marks, `layout` finds the parts, `forms` and `sentences`
read the sentences clerk generates, `reader` puts the record together.
"""

from clerk.importers.minutes_text.forms import Forms
from clerk.importers.minutes_text.reader import ParsedMinutes, parse_minutes, read_minutes

__all__ = ["Forms", "ParsedMinutes", "parse_minutes", "read_minutes"]
