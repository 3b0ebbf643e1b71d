"""The project's AKN profile, shipped in the wheel as `convert.schemas` (see setup.py and
convert/resources.py); this directory is the one copy, edited here."""
