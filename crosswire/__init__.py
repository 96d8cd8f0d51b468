"""crosswire: a multilingual news story tracker.

Data flows one way through the stage packages:
ingest → text → (represent → cluster → facts) → store → serve.
"""

__version__ = "0.1.0"
