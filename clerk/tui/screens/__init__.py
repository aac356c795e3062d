"""The screens: the meeting picker, the live meeting and its roll call."""
