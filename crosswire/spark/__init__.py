"""The Apache Spark batch pipeline: the single-machine stages, run in parallel partitions.

``run_job`` reads inputs (local paths or Hadoop-compatible URIs), cleans and
identifies every article, marks near-duplicates, parses and extracts figures in
parallel partitions, clusters stories in parallel time windows and merges them
across windows on the driver, then writes Parquet (and optionally a crosswire
database). See ``job.py`` for the stages and README "Apache Spark batch pipeline".
"""

from __future__ import annotations

from .job import JobReport, run_job

__all__ = ["JobReport", "run_job"]
