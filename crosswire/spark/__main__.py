"""``python -m crosswire.spark run ...`` and ``spark-submit crosswire/spark/__main__.py run ...``:
the ``crosswire spark`` commands, for launchers that start a Python module or file."""

import sys

from crosswire.cli import app  # absolute: spark-submit runs this file as a script

if __name__ == "__main__":
    sys.exit(app(["spark", *sys.argv[1:]], prog_name="crosswire"))
