from audit.models.events import TRACKED, Tracked, track
from audit.models.reads import ReadEvent, ReadKind
from audit.models.retention import RetentionRun

__all__ = ["TRACKED", "ReadEvent", "ReadKind", "RetentionRun", "Tracked", "track"]
