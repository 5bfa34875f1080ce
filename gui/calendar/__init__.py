"""The Kalender tab's parts: the month and week grids and their models, the list of a
period's posts, and the filter bar (the tab itself is gui/tabs/calendar.py)."""
