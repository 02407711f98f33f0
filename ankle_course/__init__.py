"""Helper package for the interactive course "Inside Ankle Pain".

Logic (content, triage, scoring, timers, progress) lives in plain modules that import no widget
library; `ankle_course.widgets` holds the thin views that notebooks display.
"""

__version__ = "0.1.0"
