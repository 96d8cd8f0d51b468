"""Cluster stage: pair scores and the streaming story clusterer."""
