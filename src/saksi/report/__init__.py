"""Outputs: the interchange files, the HTML dossier and the Markdown report."""
