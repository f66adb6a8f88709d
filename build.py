"""Entry point: `python build.py --help`."""

from tracker.cli import program

if __name__ == "__main__":
    program()
