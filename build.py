"""Entry point: `python build.py --help`."""

from tracker.cli import main

if __name__ == "__main__":
    main()
