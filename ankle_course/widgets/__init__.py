"""Thin ipywidgets views over the course's logic; notebooks call these in one line."""
