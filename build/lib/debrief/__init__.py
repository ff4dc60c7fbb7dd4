"""Debrief: checklists, self-rating worksheets, a progress page and a feedback log for MkDocs,
ProperDocs and Zensical sites, with answers kept in the reader's browser."""
