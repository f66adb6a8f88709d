"""Browser quality gates on the built site (see conftest.py)."""
