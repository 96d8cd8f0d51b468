"""Every tunable default of the pipeline, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Languages the detector chooses between unless told otherwise (ISO 639-1).
DEFAULT_LANGUAGES: tuple[str, ...] = (
    "nb", "nn", "da", "sv", "fi", "nl", "en", "de", "fr", "es",
    "it", "pt", "pl", "ru", "uk", "tr", "ar", "zh", "kk",
)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Pipeline defaults. Build a variant with ``dataclasses.replace``."""

    # text: language identification
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    #: below this relative confidence the language is ``und`` (or the declared one)
    min_lang_confidence: float = 0.5
    #: fewer letters than this cannot be identified reliably
    min_lang_letters: int = 20
    #: the detector reads at most this many characters (title + start of text);
    #: more costs time and changes nothing for news prose
    lang_sample_chars: int = 1200
    #: keep a record's declared language (JSON ``lang``/``language``, feed language) when it
    #: is one of ``languages``, without detection: faster, for sources whose metadata is reliable
    trust_declared_lang: bool = False

    # text: near-duplicates
    minhash_perm: int = 128
    #: LSH bands × rows must equal ``minhash_perm``; 16×8 puts the
    #: Jaccard threshold of the S-curve near 0.71
    lsh_bands: int = 16
    #: estimated Jaccard similarity of word shingles above which an article is
    #: a near-copy of an earlier one
    duplicate_threshold: float = 0.7
    shingle_words: int = 3

    # ingest: limits that reject bad input
    #: a single document larger than this is rejected unread
    max_document_bytes: int = 5_000_000
    #: a JSON (not JSONL) file larger than this is rejected: use JSONL
    max_json_file_bytes: int = 200_000_000
    min_text_chars: int = 40
    min_year: int = 1900
    #: a published date later than now plus this many hours is rejected
    future_tolerance_hours: float = 36.0

    # store
    batch_size: int = 256

    #: processes that parse articles (lemmas, names, figures) one batch ahead of placement;
    #: 0 parses in process. Runs with fewer pending articles than ``parse_pool_min`` parse in process.
    parse_workers: int = 1
    parse_pool_min: int = 1024

    # represent
    #: documents in the pseudo-corpus behind the wordfreq prior of document frequencies
    df_prior_docs: float = 1000.0

    # cluster
    #: P(same story) an article needs to join a group of its language
    join_threshold: float = 0.5
    #: P(same story) two group representatives need to join their stories
    link_threshold: float = 0.4
    #: representatives per group: compared across languages with dense vectors
    reps_per_group: int = 2
    #: a group (and its story) is dormant after this many days without articles
    quiet_days: float = 7.0
    #: representatives further apart than this are never linked
    link_window_days: float = 7.0
    #: groups stay in memory for candidate search this long after their last article
    retention_days: float = 30.0
    #: groups scored per article, the ones sharing most name keys and top terms
    max_candidates: int = 20
    #: index keys (names, terms) shared by more active groups than this are not used to find candidates
    max_posting: int = 300
    ann_neighbours: int = 20
    #: a cross-language link needs this many shared name keys (dense similarity alone
    #: cannot tell one story from another on the same topic; one shared name is often a country)
    link_min_names_cross: int = 2
    #: a name key carried by more representatives in the link window than this share
    #: (and at least ``common_name_min`` of them) is too common to count as shared evidence
    common_name_share: float = 0.05
    common_name_min: int = 20
    embed_batch: int = 16
    #: vectors per language behind the dense-similarity background
    background_per_lang: int = 512
    #: articles per language behind the lexical-similarity background
    lexical_background_per_lang: int = 256

    # watch: live monitoring of feeds and drop folders
    #: a feed is polled this often unless its line in the feeds file says otherwise
    watch_every_seconds: float = 300.0
    #: connecting, and waiting for each read, gives up after this long
    watch_timeout_seconds: float = 10.0
    #: a whole request (redirects and body included) gives up after this long: slow servers
    watch_deadline_seconds: float = 60.0
    #: a feed or page larger than this is refused (checked while reading, not after)
    watch_max_response_bytes: int = 5_000_000
    watch_max_redirects: int = 5
    #: failures back off exponentially (interval × 2^failures) up to this
    watch_backoff_cap_seconds: float = 6 * 3600.0
    #: feeds (and their pages) fetched at once; requests to one host still wait their turn
    watch_workers: int = 8
    #: at least this long between two requests to the same host
    watch_host_interval_seconds: float = 2.0
    #: a feed entry no feed has listed for this long is forgotten (``watch_seen`` stays small)
    watch_forget_days: float = 30.0
    #: a dropped file is read once its size and mtime stayed the same this long
    watch_settle_seconds: float = 2.0
    #: drop folders are scanned this often
    watch_scan_seconds: float = 5.0
    #: a feed entry with less text than this is a summary: the linked page is fetched
    watch_summary_chars: int = 1000
    #: representatives linked across languages per round (the dense model is slow)
    watch_link_per_round: int = 64
    watch_user_agent: str = "crosswire/0.1 (news story tracker)"

    # spark: the batch pipeline (crosswire/spark/)
    #: stories are clustered in windows of this many days (by start of publication span), in
    #: parallel; each window also replays the ``max(quiet_days, link_window_days)`` before it
    spark_window_days: float = 28.0
    #: partitions of the parallel stages (read, text, parse, facts); 0: twice the default parallelism
    spark_partitions: int = 0

    def __post_init__(self) -> None:
        if self.minhash_perm % self.lsh_bands:
            raise ValueError(
                f"minhash_perm ({self.minhash_perm}) must be a multiple of lsh_bands ({self.lsh_bands})"
            )
        if not 0.0 < self.duplicate_threshold <= 1.0:
            raise ValueError("duplicate_threshold must be in (0, 1]")
        if not self.languages:
            raise ValueError("languages must not be empty")
        if self.batch_size < 1:
            raise ValueError("batch_size must be ≥ 1")
        if self.parse_workers < 0:
            raise ValueError("parse_workers must be ≥ 0")
        if self.retention_days < max(self.quiet_days, self.link_window_days):
            raise ValueError("retention_days must cover quiet_days and link_window_days")
        if self.reps_per_group < 1:
            raise ValueError("reps_per_group must be ≥ 1")


DEFAULT_SETTINGS = Settings()
