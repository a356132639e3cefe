"""Draw: a Page of positioned boxes -> PDF bytes, with reportlab. It draws what the layout decided.

render.py draws boxes, text and QR codes; figures.py turns a pose into vector shapes; photos.py decodes,
turns and downsamples photos (all raster handling).
"""
