"""Pure-Python readers and writers for Open Referral data formats.

Every function here exchanges nested HSDS 3.0 service dicts (the shape of HSDS's
``service_full.json`` example): no Django models and no database.

* ``tabular``: HSDS 3.0 tabular data packages (a folder of CSVs plus ``datapackage.json``).
* ``legacy``: Open Referral UK 1.0 feeds, converted to HSDS 3.0.
"""
