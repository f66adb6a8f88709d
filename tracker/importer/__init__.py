"""Importing published data into content/.

- sources.py: reading the inputs (the ILACS overview workbook, the lookup, the history CSV).
- reports.py: reading one Ofsted report or letter (PDF) into what it states.
- rules.py: how an overview row becomes an inspection; ofsted.py: how a report does.
- render.py: new items and files as YAML.
- run.py: matching to authority files, merging, the staged check, writing all or none.

The click commands are in tracker/cli.py.
"""
