"""Represent stage: lexical terms, name keys and dense embeddings of articles."""
