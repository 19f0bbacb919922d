"""Renderers: the only way out. Each reads a Result and returns text."""
