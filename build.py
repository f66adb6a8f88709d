"""Entry point: `python build.py --help`."""

from tracker.entry import program

if __name__ == "__main__":
    program()
