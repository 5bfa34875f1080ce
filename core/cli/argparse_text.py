"""argparse's own words ("usage:", "options", its error messages) in the user's language.

argparse looks them up through its module-level `_`; pointing that at our catalog
translates them. The strings are listed here with N_() so that extraction keeps them in
the catalog. This module registers no command (it has no `register()`).
"""

from __future__ import annotations

import argparse

from core.i18n import N_, _, ngettext

ARGPARSE_STRINGS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
)


def install() -> None:
    argparse._ = _
    argparse.ngettext = ngettext
