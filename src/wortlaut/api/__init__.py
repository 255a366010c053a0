"""The HTTP API (FastAPI): ``create_app(db_path, token=None)``; run it with ``wortlaut serve``."""

from wortlaut.api.app import MAX_LIMIT, StoreFactory, create_app, store_factory_for
from wortlaut.api.writes import MAX_BODY_BYTES

__all__ = ["MAX_BODY_BYTES", "MAX_LIMIT", "StoreFactory", "create_app", "store_factory_for"]
