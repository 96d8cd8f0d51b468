"""Text stage: cleaning, language identification and near-duplicate detection."""
