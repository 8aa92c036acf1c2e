"""`python -m cybergeo` is the `cybergeo` command."""

from cybergeo.cli import app

if __name__ == "__main__":
    app()
