"""One SparkSession configured for crosswire: quiet, small shuffles, the right Python."""

from __future__ import annotations

import os
import sys

from pyspark.sql import SparkSession


def spark_session(master: str | None = None, *, app_name: str = "crosswire", shuffle_partitions: int = 8) -> SparkSession:
    """The active session, or a new one.

    ``master`` None means spark-submit's master, or ``local[*]`` outside
    spark-submit (it sets ``PYSPARK_GATEWAY_PORT``). Workers run the
    driver's interpreter unless ``PYSPARK_PYTHON`` says otherwise (outside
    spark-submit), so that a local run uses the venv that has crosswire installed.
    """
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit: this process starts Spark
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        master = master or "local[*]"
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    builder = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")  # progress bars would garble stderr's lines
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        # workers keep their module-level caches (language models, word lists, e5) between tasks
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.session.timeZone", "UTC")
    )
    if master and master.startswith("local"):
        # in local mode the driver JVM holds the cached partitions: 1 GB is tight for 100k articles
        builder = builder.config("spark.driver.memory", os.environ.get("CROSSWIRE_SPARK_MEMORY", "3g"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
