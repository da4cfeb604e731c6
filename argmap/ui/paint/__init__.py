"""Painting with QPainter: the theme, cards, edges and legend, and playback of draw pictures."""
