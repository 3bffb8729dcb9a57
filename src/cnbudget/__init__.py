"""cnbudget — read, verify, store and produce Chinese budget / final-account disclosures.

Stages (one package each, in pipeline order): ``readers`` → ``tables`` → ``narrative`` →
``model`` → ``checks`` (with ``codes``), and ``cli`` on top.  ``parse.parse_file`` runs the
whole reading pipeline; ``checks.check_disclosure`` verifies its result.
"""

__version__ = "0.1.0"
