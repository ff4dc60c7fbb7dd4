"""Debrief: interactive checklists and self-rating worksheets for an MkDocs handbook."""
