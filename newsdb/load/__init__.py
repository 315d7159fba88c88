"""The load stage: puts ``ArticleFacts`` into PostgreSQL (``writer``) and runs loads (``run``)."""
