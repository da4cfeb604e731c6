"""Drawing a map without Qt: styles, a device-neutral picture, the map drawn into it, and SVG.

``ui`` plays the same pictures on a QPainter (PNG, PDF, print, clipboard), so every export is
drawn by one piece of code.  No Qt here: ``argmap export -o map.svg`` never loads it.
"""
