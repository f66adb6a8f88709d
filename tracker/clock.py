"""The day a build describes, when the command line does not say."""

from __future__ import annotations

import datetime as dt
import os

# The last day a build can describe: its pages count to the end of the as-of day's year,
# and the calendar ends with year 9999.
LAST_DAY = dt.date(dt.MAXYEAR - 1, 12, 31)


class UnreadableEpoch(ValueError):
    """SOURCE_DATE_EPOCH is set but names no day: a build would describe a day nobody meant."""

    def __init__(self, epoch: str, named: str = "which names no day") -> None:
        super().__init__(
            f"SOURCE_DATE_EPOCH is {epoch[:40]!r}, {named}: set it to a whole number of seconds "
            "since 1970-01-01 UTC (the last commit's is `git log -1 --format=%ct`), or unset it"
        )


def default_as_of() -> dt.date:
    """SOURCE_DATE_EPOCH (reproducible builds) when set, else today.

    A value that is not a whole number of seconds is refused, as the variable's
    specification asks, rather than quietly taken as today.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return dt.date.today()
    if not (epoch.isascii() and epoch.isdigit()):  # int() would take " 12", "-5" and "1_000"
        raise UnreadableEpoch(epoch)
    try:
        day = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):  # past any date
        raise UnreadableEpoch(epoch) from None
    if day > LAST_DAY:
        raise UnreadableEpoch(epoch, f"{day.isoformat()}, after the last day a site can describe, {LAST_DAY}")
    return day
