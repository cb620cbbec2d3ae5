"""Entry point of the frozen program (PyInstaller): the same `main` as the `huurdersgroep` script."""
import sys

from huurdersgroep_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
