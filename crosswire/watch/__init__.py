"""Live monitoring: follow RSS/Atom feeds and drop folders continuously (``crosswire watch``).

``feedlist`` reads the feeds file, ``fetch`` does one guarded HTTP GET,
``schedule`` keeps per-feed state and per-host pacing, ``folders`` watches drop
folders, and ``runner`` ties them into rounds that end with clustering.
"""

from .feedlist import Feed, read_feed_list
from .runner import WatchReport, Watcher, watch

__all__ = ["Feed", "WatchReport", "Watcher", "read_feed_list", "watch"]
