"""The CSS of the renderers, shipped in the wheel as `convert.stylesheets` (see setup.py and
convert/resources.py); this directory is the one copy, edited here."""
