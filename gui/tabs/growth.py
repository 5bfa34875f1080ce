from core.i18n import _
from gui.tabs.placeholder import PlaceholderTab


class GrowthTab(PlaceholderTab):
    tab_id = "pertumbuhan"
    icon = "growth"
    go_to = "akun"

    def heading(self) -> str:
        return _("Follower and engagement growth")

    def explanation(self) -> str:
        return _(
            "Charts of followers over time for every account, growth since any date, and engagement "
            "against a benchmark and your target will appear here. Until then, each account's latest "
            "follower count is on the Accounts tab."
        )

    def action_text(self) -> str:
        return _("Go to Accounts")


TAB_CLASS = GrowthTab
