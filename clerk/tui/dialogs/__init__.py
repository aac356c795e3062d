"""Small modal dialogs, each a ModalScreen that dismisses with its value (None: cancelled)."""
