"""The prefix of every line the plugin logs, so its messages stand out in Pelican's output."""

LOG_PREFIX = "[quartiersschau]"
