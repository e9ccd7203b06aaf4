"""Cinebody SDK, blocking: the same client as ``cinebody_async`` for code that cannot await."""
