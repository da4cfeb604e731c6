"""Automatic layout: pure functions from map structure and card sizes to positions. No Qt."""
