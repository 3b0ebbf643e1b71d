"""The development harness behind `make eval` (run as `python tools/evaluate.py`).

It is not part of the installed package: it scores the readers against the hand-made labels
of the development corpus (`../shared/corpus/labels.json`).  One module per job:

- `labels`    : documents, their input forms and their labels;
- `extract`   : what an AKN tree says (notes, page breaks, docket, date, court, writings);
- `score`     : pure comparisons of found against labelled (unit-tested on tiny fixtures);
- `measure`   : runs the readers over one input and scores it (one `Row`);
- `agreement` : cross-form agreement of the three inputs of one PDF (no labels needed);
- `cap`       : the CAP pairs comparison (structured ground truth, informative);
- `report`    : the table, the summary lines and the JSON.

Tests import the scoring functions to test them; they never import expectations from here.
"""
