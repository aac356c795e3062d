"""Widgets of the live meeting screen."""
