"""Import Open Referral data: any source, read as nested HSDS 3.0 services, written in bulk.

`sources.read_source` turns a file, folder or URL into nested service objects;
`parse.parse_service` checks one; `writer.Importer` writes them, all or nothing.
"""

from .fields import RecordRejected
from .report import ImportReport, Problem
from .writer import Importer, SourceProblem, import_services

__all__ = [
    "ImportReport",
    "Importer",
    "Problem",
    "RecordRejected",
    "SourceProblem",
    "import_services",
]
