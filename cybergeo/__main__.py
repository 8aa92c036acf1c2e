"""`python -m cybergeo` and the `cybergeo` script: the command line.

The command line is imported only when called: batch workers import the script that
started their batch, and need none of it.
"""


def main() -> None:
    from cybergeo.cli import app

    app()


if __name__ == "__main__":
    main()
