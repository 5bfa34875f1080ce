from core.i18n import _
from gui.tabs.placeholder import PlaceholderTab


class GuidelinesTab(PlaceholderTab):
    tab_id = "panduan"
    icon = "guidelines"
    go_to = "kalender"

    def heading(self) -> str:
        return _("Tone guidelines per platform")

    def explanation(self) -> str:
        return _(
            "Each platform has its own atmosphere. Here you will keep a checklist per platform "
            "(the account's persona, vetting of sensitive matters, the platform's style) that every "
            "post variant passes before it is approved. This view is being built; meanwhile "
            "reviewers approve posts in the Calendar's post editor."
        )

    def action_text(self) -> str:
        return _("Go to Calendar")


TAB_CLASS = GuidelinesTab
