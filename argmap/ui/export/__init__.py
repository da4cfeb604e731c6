"""Images of a map: SVG, PNG and PDF export, their dialog, page tiling and printing."""
