"""The anatomy module's logic, free of any widget library: drawing geometry, layers, the flashcard deck,
the name-that-structure drill and the text alternatives of the figures."""
