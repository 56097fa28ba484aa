"""The read-only web UI over a saksi output folder (`saksi serve OUT`)."""
from saksi.web.app import create_app

__all__ = ["create_app"]
