from core.i18n import _
from gui.tabs.placeholder import PlaceholderTab


class CalendarTab(PlaceholderTab):
    tab_id = "kalender"
    icon = "calendar"
    go_to = "beranda"

    def heading(self) -> str:
        return _("Content calendar")

    def explanation(self) -> str:
        return _(
            "Here the team will plan posts by day, week and month, each with its version for every "
            "platform, through idea, draft, review, approved, scheduled and published. "
            "This view is being built; the coming days' agenda is already on the Home tab."
        )

    def action_text(self) -> str:
        return _("Go to Home")


TAB_CLASS = CalendarTab
