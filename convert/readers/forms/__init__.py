"""Court-form modules: the only place a reader rule may name one court's or one form's words.

Each module documents its form with example lines and their source (acceptance 4 of issue
8); the readers' general passes decide from evidence that holds across documents.
"""
