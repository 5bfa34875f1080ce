"""The Panduan tab's parts: the checklist items' table and form, the persona panel and the
compliance view (the tab itself is `gui.tabs.guidelines`)."""
