from core.i18n import _
from gui.tabs.placeholder import PlaceholderTab


class ReportTab(PlaceholderTab):
    tab_id = "laporan"
    icon = "report"
    go_to = "pertumbuhan"

    def heading(self) -> str:
        return _("PDF summary for leadership")

    def explanation(self) -> str:
        return _(
            "A monthly PDF with the figures, growth, charts, output and the sentence leadership reads "
            'first ("by August, Instagram had 76,670 followers, up 24,370 since January") will be '
            "made here, without arithmetic by hand. This view is being built; until then, the "
            "Growth tab saves each chart as a picture for your slides and documents."
        )

    def action_text(self) -> str:
        return _("Go to Growth")


TAB_CLASS = ReportTab
