"""The day a build describes, when the command line does not say."""

from __future__ import annotations

import datetime as dt
import os


def default_as_of() -> dt.date:
    """SOURCE_DATE_EPOCH (reproducible builds) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):  # past any date: taken as unset, as words are
            pass
    return dt.date.today()
