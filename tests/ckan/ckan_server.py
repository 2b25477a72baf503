#!/usr/bin/env python3
"""CKAN test server: an in-memory emulation of the CKAN 2.10 Action API with the
ckanext-dcatapit dataset and organization schema, plus fault injection, for the
dcatit tests. Python 3 standard library only; see tests/ckan/README.md."""

import argparse
import datetime
import hashlib
import json
import mimetypes
import os
import random
import re
import socket
import sys
import threading
import time
import urllib.parse
import uuid
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ckan_rdf  # noqa: E402  (the DCAT RDF endpoints)

CKAN_VERSION = "2.10.10"
JSON_CT = "application/json;charset=utf-8"
NAME_RE = re.compile(r"^[a-z0-9_\-]*$")
EMAIL_RE = re.compile(r"^[\w.%+\-']+@[\w.\-]+\.[A-Za-z]{2,}$")
TAG_RE = re.compile(r"^[\w \-.]*$", re.UNICODE)
LOCALE = r"(?:/[a-z]{2}(?:_[A-Za-z]{2})?)?"
ACTION_PATH = re.compile(r"^" + LOCALE + r"/api(?:/3)?/action/([^/]+)/?$")
RDF_DATASET_PATH = re.compile(r"^" + LOCALE + r"/dataset/([^/.]+)\.(ttl|rdf|jsonld|n3|xml)$")
RDF_CATALOG_PATH = re.compile(r"^" + LOCALE + r"/catalog\.(ttl|rdf|jsonld|n3|xml)$")
DOWNLOAD_PATH = re.compile(r"^" + LOCALE + r"/dataset/([^/]+)/resource/([^/]+)/download(?:/([^/]*))?$")

READ_ACTIONS = {"status_show", "package_show", "package_search", "package_list",
                "organization_show", "organization_list", "organization_list_for_user",
                "resource_show"}
WRITE_ACTIONS = {"package_create", "package_update", "package_patch", "package_delete",
                 "dataset_purge", "resource_create", "resource_update", "resource_patch",
                 "resource_delete", "organization_create", "organization_patch"}

# CKAN's default licence register (ckan/model/license.py): id -> (title, url, open)
LICENSES = {
    "notspecified": ("License not specified", "", False),
    "odc-pddl": ("Open Data Commons Public Domain Dedication and License (PDDL)",
                 "http://www.opendefinition.org/licenses/odc-pddl", True),
    "odc-odbl": ("Open Data Commons Open Database License (ODbL)",
                 "http://www.opendefinition.org/licenses/odc-odbl", True),
    "odc-by": ("Open Data Commons Attribution License",
               "http://www.opendefinition.org/licenses/odc-by", True),
    "cc-zero": ("Creative Commons CCZero", "http://www.opendefinition.org/licenses/cc-zero", True),
    "cc-by": ("Creative Commons Attribution", "http://www.opendefinition.org/licenses/cc-by", True),
    "cc-by-sa": ("Creative Commons Attribution Share-Alike",
                 "http://www.opendefinition.org/licenses/cc-by-sa", True),
    "gfdl": ("GNU Free Documentation License", "http://www.opendefinition.org/licenses/gfdl", True),
    "other-open": ("Other (Open)", "", True),
    "other-pd": ("Other (Public Domain)", "", True),
    "other-at": ("Other (Attribution)", "", True),
    "uk-ogl": ("UK Open Government Licence (OGL)",
               "http://reference.data.gov.uk/id/open-government-licence", True),
    "cc-nc": ("Creative Commons Non-Commercial (Any)",
              "http://www.opendefinition.org/licenses/cc-nc", False),
    "other-nc": ("Other (Non-Commercial)", "", False),
    "other-closed": ("Other (Not Open)", "", False),
}

# Core package fields accepted on write (everything else is dropped, as CKAN's __extras: ignore).
CORE_TEXT = ["title", "author", "author_email", "maintainer", "maintainer_email",
             "license_id", "notes", "url", "version"]
PKG_SCHEMA_KEYS = set(CORE_TEXT) | {
    "id", "name", "state", "type", "owner_org", "private", "metadata_created",
    "metadata_modified", "creator_user_id", "tags", "tag_string", "resources", "extras",
    "groups", "relationships_as_subject", "relationships_as_object", "plugin_data",
    "log_message", "save", "return_to", "__extras", "__junk"}

# ckanext-dcatapit dataset fields (schema order, used by after_search).
DCAT_FIELDS = ["identifier", "alternate_identifier", "themes_aggregate", "publisher_name",
               "publisher_identifier", "issued", "modified", "geographical_name",
               "geographical_geonames_url", "language", "temporal_coverage", "holder_name",
               "holder_identifier", "frequency", "is_version_of", "conforms_to", "creator"]
DCAT_DATE_FIELDS = {"issued", "modified"}
DCAT_ORG_FIELDS = ["identifier", "email", "telephone", "site", "region"]

RES_CORE = ["cache_last_updated", "cache_url", "created", "description", "format", "hash",
            "id", "last_modified", "metadata_modified", "mimetype", "mimetype_inner", "name",
            "package_id", "position", "resource_type", "size", "state", "url", "url_type"]
RES_READONLY = {"package_id", "position", "state", "created", "metadata_modified"}
FORMATS = {f.lower(): f for f in [
    "CSV", "JSON", "XML", "PDF", "ZIP", "XLS", "XLSX", "ODS", "RDF", "TTL", "HTML", "TXT",
    "GeoJSON", "KML", "KMZ", "SHP", "WMS", "WFS", "JSON-LD", "N3", "DOC", "DOCX", "ODT",
    "PNG", "JPEG", "GIF", "TIFF", "GZ", "TAR", "API", "SPARQL"]}
MIME_FORMATS = {"text/csv": "CSV", "application/json": "JSON", "application/xml": "XML",
                "text/xml": "XML", "application/pdf": "PDF", "application/zip": "ZIP",
                "text/html": "HTML", "text/plain": "TXT", "text/turtle": "TTL",
                "application/rdf+xml": "RDF", "application/vnd.ms-excel": "XLS",
                "application/geo+json": "GeoJSON", "application/ld+json": "JSON-LD"}

SEARCH_PARAMS = {"q", "fq", "fq_list", "rows", "start", "sort", "facet", "facet.field",
                 "facet.limit", "facet.mincount", "include_drafts", "include_private",
                 "include_deleted", "use_default_schema", "fl", "defType", "qf", "mm", "bf",
                 "boost", "tie", "df", "q.op", "wt", "extras", "_"}
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%Y%m%d", "%y-%m-%d", "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z",
                "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y", "%m/%Y", "%d.%m.%Y", "%d/%m/%Y"]


# ckanext-dcatapit's helpers.format: the formats it tries, in order, before writing a
# date as DD-MM-YYYY; a value none of them matches is shown as stored
SHOW_DATE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d", "%d-%m-%y", "%Y-%m-%d %H:%M:%S",
                     "%d-%m-%Y %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]


def show_date(v):
    if not isinstance(v, str):
        return v
    for fmt in SHOW_DATE_FORMATS:
        try:
            return datetime.datetime.strptime(v, fmt).strftime("%d-%m-%Y")
        except ValueError:
            pass
    return v


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None).isoformat()


def parse_date(val):
    if not isinstance(val, str):
        return None
    v = val.strip()
    if v.endswith("Z"):
        v = v[:-1] + "+0000"
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(v, fmt).date()
        except ValueError:
            pass
    return None


class ActionFailure(Exception):
    """An action outcome other than success: HTTP status plus the `error` object."""

    def __init__(self, status, error):
        super().__init__(status)
        self.status = status
        self.error = error


def validation_error(errors):
    out = {k: errors[k] for k in sorted(errors)}
    out["__type"] = "Validation Error"
    return ActionFailure(409, out)


def not_found(msg=""):
    return ActionFailure(404, {"__type": "Not Found Error",
                               "message": "Not found" + (": " + msg if msg else "")})


def not_authorized(msg):
    return ActionFailure(403, {"__type": "Authorization Error", "message": "Access denied: " + msg})


class BadRequest(Exception):
    """A 400 whose body is a bare JSON string, as ckan/views/api.py::_finish_bad_request."""


class RawResponse(Exception):
    """A non-API response (HTML error page etc.)."""

    def __init__(self, status, body, ctype="text/html; charset=utf-8", headers=None):
        super().__init__(status)
        self.status, self.body, self.ctype, self.headers = status, body, ctype, headers or {}


def as_bool(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, str):
        return v.strip().lower() in ("true", "1", "yes", "on")
    return bool(v)


def unicode_safe(v):
    if v is None or isinstance(v, str):
        return v
    return str(v)


def name_error(value):
    """CKAN name_validator: the first failing rule, or None."""
    if not isinstance(value, str):
        return "Names must be strings"
    if value in ("new", "edit", "search"):
        return "That name cannot be used"
    if len(value) < 2:
        return "Must be at least 2 characters long"
    if len(value) > 100:
        return "Name must be a maximum of 100 characters long"
    if not NAME_RE.match(value):
        return "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_"
    return None


def munge_filename(name):
    base = os.path.basename(name.replace("\\", "/")).strip()
    base = re.sub(r"[^\w.\-]", "-", base, flags=re.ASCII).strip("-.") or "file"
    return base[:100]


def guess_format(url):
    mt = mimetypes.guess_type(url or "")[0]
    return MIME_FORMATS.get(mt) if mt else None


def clean_format(fmt):
    return FORMATS.get(fmt.strip().lower(), fmt.strip()) if isinstance(fmt, str) else fmt


# ---------------------------------------------------------------- dcatapit validators


def v_themes(value, extras_theme):
    """dcatapit_subthemes, as the recorded CKAN 2.10 server behaves: returns JSON text."""
    if value is None or value == "" or value == "[]":
        value = extras_theme
    if value is None or value == "" or value == "[]":
        raise ValueError("Theme data is not valid, expected json, got "
                         "<class 'ckan.lib.navl.dictization_functions.Missing'>")
    if isinstance(value, str):
        try:
            aggr = json.loads(value)
        except ValueError:
            aggr = [{"theme": v, "subthemes": []} for v in value.strip("{}").split(",")]
    else:
        raise ValueError("Theme data is not valid, expected json, got %s" % type(value))
    if not isinstance(aggr, list):
        raise ValueError("Theme data should be a list, got %s" % type(aggr))
    if not aggr:
        raise ValueError("Theme data should not be empty")
    norm = []
    for item in aggr:
        if isinstance(item, str):  # a plain list of theme codes or URIs
            item = {"theme": item.rstrip("/").rsplit("/", 1)[-1], "subthemes": []}
        if not isinstance(item, dict):
            raise ValueError("Invalid theme aggr item, should be a dict, got %s" % type(item))
        bad = set(item) - {"theme", "subthemes"}
        if bad:
            raise ValueError("Theme aggr contains invalid keys: %s" % bad)
        if not item.get("theme"):
            raise ValueError("Theme data should not be empty")
        if not isinstance(item["theme"], str):
            raise ValueError("Theme item theme value: %s should be <class 'str'>, got %s"
                             % (item["theme"], type(item["theme"])))
        subs = item.get("subthemes", [])
        if not isinstance(subs, list) or not all(isinstance(s, str) for s in subs):
            raise ValueError("Theme item subthemes value: %s should be <class 'list'>, got %s"
                             % (subs, type(subs)))
        norm.append(item)
    themes = [i["theme"] for i in norm]
    if len(set(themes)) != len(themes):
        raise ValueError("There are duplicate themes. Expected %d items, got %d"
                         % (len(themes), len(set(themes))))
    return json.dumps(norm)


def _load_list(value, what):
    if not value:
        raise ValueError("%s value should not be empty" % what)
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(data, list):
        raise ValueError("Invalid payload type %s for %s" % (type(data), what.lower()))
    return data


def v_alternate_identifier(value):
    if isinstance(value, str) and value.isdigit():
        raise ValueError("This field cannot be a number")
    data = _load_list(value, "Alternate Identifier")
    if data is None:
        if not isinstance(value, str):
            raise ValueError("Invalid payload for alternate_identifier")
        return json.dumps([{"identifier": v, "agent": {}} for v in value.split(",")])
    for elm in data:
        if not isinstance(elm, dict):
            raise ValueError("Each alternate_identifier element should be a dict")
        for k in elm:
            if k not in ("identifier", "agent"):
                raise ValueError("Unexpected %s key in alternate_identifier value" % k)
        if not isinstance(elm.get("identifier"), str):
            raise ValueError("alternate_identifier element should contain identifier")
        if not isinstance(elm.get("agent"), dict):
            raise ValueError("alternate_identifier element should contain agent")
        for k, v in elm["agent"].items():
            if k not in ("agent_identifier", "agent_name"):
                raise ValueError("alternate_identifier agent dict contains disallowed: %s" % k)
            if k == "agent_name" and not isinstance(v, dict):
                raise ValueError("alternate_identifier agent name should be a dict")
            if k != "agent_name" and not isinstance(v, str):
                raise ValueError("alternate_identifier agent %s key should be string" % k)
    return json.dumps(data)


def v_creator(value):
    data = _load_list(value, "Creator")
    if data is None:
        if not isinstance(value, str) or "," not in value:
            raise ValueError("Invalid creator payload")
        parts = value.split(",")
        return json.dumps([{"creator_name": parts[0], "creator_identifier": parts[1]}])
    for elm in data:
        if not isinstance(elm, dict):
            raise ValueError("Each creator element should be a dict")
        for k, v in elm.items():
            if k not in ("creator_name", "creator_identifier"):
                raise ValueError("Unexpected %s key in creator value" % k)
            if k == "creator_name" and not isinstance(v, dict):
                raise ValueError("Creator %s value should be dict, got %s instead" % (k, type(v)))
            if k != "creator_name" and not isinstance(v, str):
                raise ValueError("Creator %s value should be string, got %s instead" % (k, type(v)))
    return json.dumps(data)


def v_conforms_to(value):
    if not value:
        raise ValueError("Conforms to value should not be empty")
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        if not isinstance(value, str):
            raise ValueError("Invalid payload for conforms_to")
        return json.dumps([{"identifier": v, "title": {}, "description": {},
                            "referenceDocumentation": []} for v in value.split(",")])
    if not isinstance(data, list):
        raise ValueError("List expected for conforms_to values")
    allowed = ("uri", "identifier", "title", "description", "referenceDocumentation")
    out = []
    for elm in data:
        if not isinstance(elm, dict):
            raise ValueError("Each conforms_to element should be a dict")
        ref = elm.pop("_ref", None)
        if ref and not elm.get("uri"):
            elm["uri"] = ref
        for k in elm:
            if k not in allowed:
                raise ValueError("Unexpected %s key in conforms_to value" % k)
        if not isinstance(elm.get("identifier"), str):
            raise ValueError("conforms_to element should contain identifier")
        new = {}
        for k, typ in (("uri", str), ("identifier", str), ("title", dict),
                       ("description", dict), ("referenceDocumentation", list)):
            v = elm.get(k)
            if v is None:
                continue
            if not isinstance(v, typ):
                raise ValueError("conforms_to property %s is not valid type" % k)
            if typ is dict:
                for lk, lv in v.items():
                    if not isinstance(lv, str):
                        raise ValueError("conforms_to property %s should have %s value as string"
                                         % (k, lk))
            if k == "uri" and v == "":
                continue
            if k == "referenceDocumentation":
                for ref_doc in v:
                    if not isinstance(ref_doc, str):
                        raise ValueError("conforms_to property referenceDocumentation should "
                                         "contain urls")
                    if not re.match(r"^https?://[^\s/]+", ref_doc):
                        raise ValueError("Please provide a valid URL")
            new[k] = v
        out.append(new)
    return json.dumps(out)


def v_temporal_coverage(value):
    if not value:
        raise ValueError("Temporal coverage value should not be empty")
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        raise ValueError("Temporal coverage value is not valid")
    if not isinstance(data, list):
        raise ValueError("Temporal coverage values should be in a list, got %s" % type(data))
    out = []
    for elm in data:
        if not isinstance(elm, dict):
            raise ValueError("Invalid temporal coverage item, should be a dict, got %s" % type(elm))
        bad = set(elm) - {"temporal_start", "temporal_end"}
        if bad:
            raise ValueError("Temporal coverage item contains invalid keys: %s" % bad)
        tmp = {}
        for k, v in elm.items():
            if v:
                d = parse_date(v)
                if d is None:
                    raise ValueError("Invalid date input: %s" % v)
                tmp[k] = d
        if not tmp.get("temporal_start"):
            raise ValueError("Temporal coverage should contain start element")
        if tmp.get("temporal_end") and tmp["temporal_start"] > tmp["temporal_end"]:
            raise ValueError("Temporal coverage start %s is after end %s"
                             % (tmp["temporal_start"], tmp["temporal_end"]))
        out.append({k: v.strftime("%Y-%m-%d") for k, v in tmp.items()})
    return json.dumps(out)


# ---------------------------------------------------------------- state


class Store:
    """All CKAN state, guarded by one lock; indexes keep lookups O(1)."""

    def __init__(self, cfg):
        self.cfg = cfg
        self.lock = threading.RLock()
        self.admin = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "ckan-test-admin")),
                      "name": cfg.user, "created": now_iso()}
        self.reset()

    def reset(self):
        with self.lock:
            self.orgs = {}
            self.org_by_name = {}
            self.pkgs = {}
            self.pkg_by_name = {}
            self.pkg_by_identifier = {}
            self.pkgs_by_org = {}
            self.uploads = {}
            self.show_cache = {}
            self.search_json = {}
            self.sorted_ids = None
            self.created_count = 0

    # ---- lookups
    def get_pkg(self, name_or_id):
        if not isinstance(name_or_id, str):
            return None
        p = self.pkgs.get(name_or_id)
        if p is None:
            pid = self.pkg_by_name.get(name_or_id)
            p = self.pkgs.get(pid) if pid else None
        return p

    def get_org(self, name_or_id):
        if not isinstance(name_or_id, str):
            return None
        o = self.orgs.get(name_or_id)
        if o is None:
            oid = self.org_by_name.get(name_or_id)
            o = self.orgs.get(oid) if oid else None
        return o

    def identifier_of(self, p):
        if self.cfg.schema == "dcatapit":
            return p["dcat"].get("identifier")
        for e in p["extras"]:
            if e["key"] == "identifier":
                return e["value"]
        return None

    def index_add(self, p):
        self.pkg_by_name[p["name"]] = p["id"]
        ident = self.identifier_of(p)
        if ident:
            self.pkg_by_identifier.setdefault(ident, set()).add(p["id"])
        if p["owner_org"]:
            self.pkgs_by_org.setdefault(p["owner_org"], set()).add(p["id"])
        self.show_cache.pop(p["id"], None)
        self.search_json.pop(p["id"], None)

    def index_remove(self, p):
        if self.pkg_by_name.get(p["name"]) == p["id"]:
            del self.pkg_by_name[p["name"]]
        ident = self.identifier_of(p)
        if ident and ident in self.pkg_by_identifier:
            self.pkg_by_identifier[ident].discard(p["id"])
            if not self.pkg_by_identifier[ident]:
                del self.pkg_by_identifier[ident]
        if p["owner_org"] in self.pkgs_by_org:
            self.pkgs_by_org[p["owner_org"]].discard(p["id"])
        self.show_cache.pop(p["id"], None)
        self.search_json.pop(p["id"], None)

    # ---- organizations
    def org_summary(self, o):
        return {"id": o["id"], "name": o["name"], "title": o["title"], "type": "organization",
                "description": o["description"], "image_url": o["image_url"],
                "created": o["created"], "is_organization": True,
                "approval_status": "approved", "state": o["state"]}

    def user_dict(self):
        return {"about": None, "activity_streams_email_notifications": False,
                "capacity": "admin", "created": self.admin["created"],
                "display_name": self.admin["name"],
                "email_hash": hashlib.md5(b"admin@example.org").hexdigest(),
                "fullname": None, "id": self.admin["id"], "image_display_url": None,
                "image_url": None, "last_active": self.admin["created"],
                "name": self.admin["name"], "number_created_packages": self.created_count,
                "state": "active", "sysadmin": True}

    def org_show(self, o, include_datasets=False):
        count = sum(1 for pid in self.pkgs_by_org.get(o["id"], ())
                    if self.pkgs[pid]["state"] == "active")
        d = {"approval_status": "approved", "created": o["created"],
             "description": o["description"], "display_name": o["title"] or o["name"],
             "id": o["id"], "image_display_url": o["image_url"], "image_url": o["image_url"],
             "is_organization": True, "name": o["name"], "num_followers": 0,
             "package_count": count, "state": o["state"], "title": o["title"],
             "type": "organization"}
        if self.cfg.schema == "dcatapit":
            for k in DCAT_ORG_FIELDS:
                if o["dcat"].get(k) is not None:
                    d[k] = o["dcat"][k]
        d = {k: d[k] for k in sorted(d)}
        if include_datasets:
            ids = sorted(pid for pid in self.pkgs_by_org.get(o["id"], ())
                         if self.pkgs[pid]["state"] == "active")[:10]
            d["packages"] = [self.pkg_show(self.pkgs[i]) for i in ids]
        d["users"] = [self.user_dict()]
        if self.cfg.schema != "dcatapit":
            d["extras"] = [{"key": e["key"], "value": e["value"]} for e in o["extras"]]
        d["tags"] = []
        d["groups"] = []
        return d

    # ---- packages
    def res_show(self, p, r):
        d = dict(r)
        d["package_id"] = p["id"]
        if r.get("url_type") == "upload":
            d["url"] = "%s/dataset/%s/resource/%s/download/%s" % (
                self.cfg.site_url, p["id"], r["id"], r["url"])
        return {k: d[k] for k in sorted(d)}

    def pkg_show(self, p):
        cached = self.show_cache.get(p["id"])
        if cached is not None:
            return cached
        org = self.orgs.get(p["owner_org"]) if p["owner_org"] else None
        lic = p["license_id"]
        d = {"author": p["author"], "author_email": p["author_email"],
             "creator_user_id": p["creator_user_id"], "id": p["id"],
             "isopen": bool(lic in LICENSES and LICENSES[lic][2]), "license_id": lic,
             "maintainer": p["maintainer"], "maintainer_email": p["maintainer_email"],
             "metadata_created": p["metadata_created"],
             "metadata_modified": p["metadata_modified"], "name": p["name"],
             "notes": p["notes"], "num_resources": len(p["resources"]),
             "num_tags": len(p["tags"]), "organization": self.org_summary(org) if org else None,
             "owner_org": p["owner_org"], "private": p["private"], "state": p["state"],
             "title": p["title"], "type": p["type"], "url": p["url"], "version": p["version"]}
        if lic in LICENSES:
            d["license_title"] = LICENSES[lic][0]
            if LICENSES[lic][1]:
                d["license_url"] = LICENSES[lic][1]
        else:
            d["license_title"] = lic
        dcat = self.cfg.schema == "dcatapit"
        extras = [{"key": e["key"], "value": e["value"]} for e in p["extras"]]
        if dcat:
            for k, v in p["dcat"].items():
                if k in ("holder_name", "holder_identifier"):
                    continue
                if k in DCAT_DATE_FIELDS:
                    v = show_date(v)
                d[k] = v
            if p["dcat"].get("themes_aggregate"):
                themes = [t["theme"] for t in json.loads(p["dcat"]["themes_aggregate"])]
                extras.append({"key": "theme", "value": json.dumps(themes)})
        out = {k: d[k] for k in sorted(d)}
        out["extras"] = sorted(extras, key=lambda e: e["key"])
        out["resources"] = [self.res_show(p, r) for r in p["resources"]]
        out["tags"] = [{"display_name": t, "id": tag_id(t), "name": t, "state": "active",
                        "vocabulary_id": None} for t in sorted(p["tags"])]
        out["groups"] = []
        out["relationships_as_subject"] = []
        out["relationships_as_object"] = []
        if dcat:
            out["dataset_is_local"] = True
            if org:
                out["holder_name"] = org["title"] or org["name"]
                out["holder_identifier"] = org["dcat"].get("identifier")
        self.show_cache[p["id"]] = out
        return out

    def pkg_search_dict(self, p):
        d = self.pkg_show(p)
        if self.cfg.schema != "dcatapit":
            return d
        # ckanext-dcatapit after_search: schema fields go back into `extras`
        d = dict(d)
        extras = list(d["extras"])
        for k in DCAT_FIELDS:
            if k in d:
                extras.append({"key": k, "value": d.pop(k)})
        d["extras"] = extras
        return d

    def pkg_search_json(self, p):
        """The JSON text of one search result, cached until the package changes."""
        j = self.search_json.get(p["id"])
        if j is None:
            j = self.search_json[p["id"]] = json.dumps(self.pkg_search_dict(p))
        return j


_TAG_IDS = {}


def tag_id(name):
    t = _TAG_IDS.get(name)
    if t is None:
        t = _TAG_IDS[name] = str(uuid.uuid5(uuid.NAMESPACE_URL, "tag:" + name))
    return t


# ---------------------------------------------------------------- actions


class Api:
    """The action functions. Each takes (data, user) and returns the result or raises."""

    def __init__(self, store, cfg):
        self.s = store
        self.cfg = cfg

    # ---- helpers
    @staticmethod
    def bust(data, key):
        v = data.get(key)
        if v is None or v == "":
            raise validation_error({key: ["Missing value"]})
        return v

    def require_user(self, user, msg):
        if not user:
            raise not_authorized("User %s not authorized to %s" % (user or "", msg))

    # ---- status / orgs
    def status_show(self, data, user):
        return {"site_title": "CKAN", "site_description": "", "site_url": self.cfg.site_url,
                "error_emails_to": "", "locale_default": "en",
                "extensions": (["activity", "dcat", "dcat_json_interface", "dcatapit_pkg",
                                "dcatapit_org", "dcatapit_config", "structured_data"]
                               if self.cfg.schema == "dcatapit" else
                               ["activity", "dcat", "dcat_json_interface", "structured_data"]),
                "ckan_version": CKAN_VERSION}

    def organization_create(self, data, user):
        self.require_user(user, "create organizations")
        errors = {}
        name = data.get("name")
        if name is None or name == "":
            errors["name"] = ["Missing value"]
        else:
            err = name_error(name)
            if err is None and name in self.s.org_by_name:
                err = "Group name already exists in database"
            if err:
                errors["name"] = [err]
        dcat = {}
        if self.cfg.schema == "dcatapit":
            for k in DCAT_ORG_FIELDS:
                v = unicode_safe(data.get(k))
                if v not in (None, ""):
                    dcat[k] = v
            if not dcat.get("identifier"):
                errors["identifier"] = ["Missing value"]
        extras, eerr = self.check_extras(data.get("extras"), set())
        errors.update(eerr)
        if errors:
            raise validation_error(errors)
        oid = data.get("id") if isinstance(data.get("id"), str) and data.get("id") else str(uuid.uuid4())
        o = {"id": oid, "name": name, "title": unicode_safe(data.get("title")) or "",
             "description": unicode_safe(data.get("description")) or "",
             "image_url": unicode_safe(data.get("image_url")) or "", "created": now_iso(),
             "state": "active", "dcat": dcat, "extras": extras}
        self.s.orgs[oid] = o
        self.s.org_by_name[name] = oid
        return self.s.org_show(o)

    def organization_patch(self, data, user):
        """CKAN 2.10 organization_patch: organization_show merged with data, then
        validated as organization_update (title, description, dcatapit fields)."""
        self.require_user(user, "edit group")
        o = self.s.get_org(self.bust(data, "id"))
        if o is None:
            raise not_found()
        dcat = dict(o["dcat"])
        if self.cfg.schema == "dcatapit":
            for k in DCAT_ORG_FIELDS:
                if k in data:
                    v = unicode_safe(data.get(k))
                    if v in (None, ""):
                        dcat.pop(k, None)
                    else:
                        dcat[k] = v
            if not dcat.get("identifier"):
                raise validation_error({"identifier": ["Missing value"]})
        for k in ("title", "description", "image_url"):
            if k in data:
                o[k] = unicode_safe(data.get(k)) or ""
        o["dcat"] = dcat
        return self.s.org_show(o)

    def organization_show(self, data, user):
        o = self.s.get_org(self.bust(data, "id"))
        if o is None:
            raise not_found()
        return self.s.org_show(o, as_bool(data.get("include_datasets", False)))

    def organization_list(self, data, user):
        orgs = sorted(self.s.orgs.values(), key=lambda o: o["name"])
        sort = str(data.get("sort", "name asc"))
        if sort.endswith("desc"):
            orgs.reverse()
        offset = self.natural(data, "offset", 0)
        limit = self.natural(data, "limit", 1000)
        orgs = orgs[offset:offset + limit]
        if as_bool(data.get("all_fields", False)):
            return [self.s.org_show(o) for o in orgs]
        return [o["name"] for o in orgs]

    def organization_list_for_user(self, data, user):
        if not user:
            return []
        out = []
        for o in sorted(self.s.orgs.values(), key=lambda o: o["name"]):
            d = self.s.org_show(o)
            d["capacity"] = "admin"
            out.append(d)
        return out

    # ---- validation of package dicts
    def check_extras(self, extras, root_keys):
        if extras is None:
            return [], {}
        if not isinstance(extras, list):
            raise ActionFailure(400, {"__type": "Integrity Error",
                                      "message": "Only lists of dicts can be placed against "
                                                 "subschema ('extras',), not %s" % type(extras)})
        out, errs, seen, dup = [], [], set(), []
        any_err = False
        for e in extras:
            if not isinstance(e, dict):
                raise ActionFailure(400, {"__type": "Integrity Error",
                                          "message": "Only lists of dicts can be placed against "
                                                     "subschema ('extras',), not %s" % type(e)})
            err = {}
            if as_bool(e.get("deleted", False)):
                errs.append(err)
                continue
            key = e.get("key")
            if key is None or key == "":
                err["key"] = ["Missing value"]
            elif key in root_keys:
                err["key"] = ["There is a schema field with the same name"]
            errs.append(err)
            if err:
                any_err = True
                continue
            key = unicode_safe(key)
            if key in seen:
                dup.append(key)
            seen.add(key)
            out.append({"key": key, "value": unicode_safe(e.get("value", "")) or ""})
        errors = {}
        if any_err:
            errors["extras"] = errs
        if dup:
            errors["extras_validation"] = ['Duplicate key "%s"' % k for k in dup]
        return out, errors

    def check_resources(self, resources, old):
        if resources is None:
            return [], {}
        if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
            bad = resources if not isinstance(resources, list) else next(
                r for r in resources if not isinstance(r, dict))
            raise ActionFailure(400, {"__type": "Integrity Error",
                                      "message": "Only lists of dicts can be placed against "
                                                 "subschema ('resources',), not %s" % type(bad)})
        old_by_id = {r["id"]: r for r in (old or [])}
        out = []
        now = now_iso()
        for pos, r in enumerate(resources):
            prev = old_by_id.get(r.get("id")) if r.get("id") else None
            out.append(self.make_resource(r, prev, pos, now))
        return out, {}

    def make_resource(self, r, prev, pos, now):
        res = {k: None for k in RES_CORE}
        res.update({"hash": "", "state": "active"})
        if prev:
            res.update(prev)
        new = {}
        for k, v in r.items():
            if k in RES_READONLY or k in ("upload", "clear_upload"):
                continue
            if prev and k == "url" and prev.get("url_type") == "upload" and \
                    isinstance(v, str) and v.endswith("/" + prev["url"]):
                continue  # round-tripped download URL of an upload
            new[k] = v
        if not prev:
            for k in list(res):
                if k not in ("hash", "state"):
                    res[k] = None
            res["id"] = r.get("id") if isinstance(r.get("id"), str) and r.get("id") else str(uuid.uuid4())
            res["created"] = now
            res["metadata_modified"] = now
        if prev and any(prev.get(k) != v for k, v in new.items()):
            res["metadata_modified"] = now
        res.update(new)
        if res.get("url") is None:
            res["url"] = ""
        fmt = res.get("format")
        if not fmt and not prev:
            fmt = guess_format(res["url"]) or ""
        res["format"] = clean_format(fmt) if fmt else (fmt if fmt is not None else "")
        if res.get("size") not in (None, ""):
            try:
                res["size"] = int(res["size"])
            except (TypeError, ValueError):
                res["size"] = None
        if "clear_upload" in r and as_bool(r["clear_upload"]):
            res["url_type"] = None
        res["position"] = pos
        return res

    def validate_package(self, data, existing):
        """Return the stored record built from `data`, or raise a 409 with all field errors."""
        errors = {}
        dcatmode = self.cfg.schema == "dcatapit"
        rec = {}
        name = data.get("name")
        if existing is not None and (name is None or name == ""):
            name = existing["name"]
        if name is None or name == "":
            errors["name"] = ["Missing value"]
        else:
            err = name_error(name)
            if err is None:
                other = self.s.pkg_by_name.get(name)
                if other and (existing is None or other != existing["id"]) and \
                        self.s.pkgs[other]["state"] != "deleted":
                    err = "That URL is already in use."
            if err:
                errors["name"] = [err]
        rec["name"] = name
        owner = data.get("owner_org")
        if owner is None or owner == "":
            errors["owner_org"] = ["An organization must be provided"]
        else:
            o = self.s.get_org(owner)
            if o is None:
                errors["owner_org"] = ["Organization does not exist"]
            else:
                rec["owner_org"] = o["id"]
        for k in CORE_TEXT:
            rec[k] = unicode_safe(data.get(k))
        if not rec["title"]:
            rec["title"] = name if isinstance(name, str) else None
        for k in ("author_email", "maintainer_email"):
            if rec[k] and not EMAIL_RE.match(rec[k]):
                errors[k] = ["Email %s is not a valid format" % rec[k]]
        rec["private"] = as_bool(data.get("private", False))
        # tags
        tags = []
        raw_tags = data.get("tags")
        if raw_tags is None and isinstance(data.get("tag_string"), str):
            raw_tags = [{"name": t.strip()} for t in data["tag_string"].split(",") if t.strip()]
        if raw_tags is not None:
            if not isinstance(raw_tags, list):
                raise ActionFailure(400, {"__type": "Integrity Error",
                                          "message": "Only lists of dicts can be placed against "
                                                     "subschema ('tags',), not %s" % type(raw_tags)})
            terrs, bad = [], False
            for t in raw_tags:
                tn = t.get("name") if isinstance(t, dict) else None
                err = {}
                if not tn:
                    err["name"] = ["Missing value"]
                elif len(tn) < 2:
                    err["name"] = ['Tag "%s" length is less than minimum 2' % tn]
                elif len(tn) > 100:
                    err["name"] = ['Tag "%s" length is more than maximum 100' % tn]
                elif not TAG_RE.match(tn):
                    err["name"] = ['Tag "%s" must be alphanumeric characters or symbols: -_.' % tn]
                terrs.append(err)
                if err:
                    bad = True
                elif tn not in tags:
                    tags.append(tn)
            if bad:
                errors["tags"] = terrs
        rec["tags"] = tags
        # dcatapit fields
        dcat = {}
        root = set(PKG_SCHEMA_KEYS)
        if dcatmode:
            root |= set(DCAT_FIELDS)
            raw_extras = data.get("extras") if isinstance(data.get("extras"), list) else None
            extras_theme = data.get("theme")
            if raw_extras is not None:
                kept = []
                for e in raw_extras:
                    if isinstance(e, dict) and e.get("key") == "theme":
                        if extras_theme is None:
                            extras_theme = e.get("value")
                        continue
                    kept.append(e)
                data = dict(data, extras=kept)
            for k in ("notes",):
                if not data.get(k):
                    errors[k] = ["Missing value"]
            for k in ("identifier", "modified", "frequency"):
                v = data.get(k)
                if v is None or v == "" or v == [] or v == {}:
                    errors[k] = ["Missing value"]
                else:
                    dcat[k] = unicode_safe(v)
            ident = dcat.get("identifier")
            if ident:
                for pid in self.s.pkg_by_identifier.get(ident, ()):
                    if (existing is None or pid != existing["id"]) and \
                            self.s.pkgs[pid]["state"] == "active":
                        errors["identifier"] = ["Another package exists with the same identifier"]
                        break
            try:
                dcat["themes_aggregate"] = v_themes(data.get("themes_aggregate"), extras_theme)
            except ValueError as e:
                errors["themes_aggregate"] = [str(e)]
            for k, fn in (("alternate_identifier", v_alternate_identifier),
                          ("conforms_to", v_conforms_to), ("creator", v_creator),
                          ("temporal_coverage", v_temporal_coverage)):
                v = data.get(k)
                if v is None:
                    continue
                try:
                    dcat[k] = fn(v)
                except ValueError as e:
                    errors[k] = [str(e)]
            for k in ("publisher_name", "publisher_identifier", "issued",
                      "geographical_name", "geographical_geonames_url", "language",
                      "holder_name", "holder_identifier", "is_version_of"):
                v = data.get(k)
                if v is not None:
                    dcat[k] = unicode_safe(v)
        rec["dcat"] = dcat
        extras, eerr = self.check_extras(data.get("extras"), root)
        errors.update(eerr)
        rec["extras"] = extras
        resources, rerr = self.check_resources(data.get("resources"),
                                               existing["resources"] if existing else None)
        errors.update(rerr)
        rec["resources"] = resources
        if errors:
            raise validation_error(errors)
        return rec

    def store_package(self, rec, existing):
        s = self.s
        now = now_iso()
        if existing is None:
            pid = rec.pop("_id", None) or str(uuid.uuid4())
            p = {"id": pid, "type": "dataset", "state": "active", "metadata_created": now,
                 "creator_user_id": s.admin["id"]}
            s.created_count += 1
            s.sorted_ids = None
        else:
            p = existing
            s.index_remove(p)
        # a soft-deleted package holding the name gives it up (renamed to its id)
        other = s.pkg_by_name.get(rec["name"])
        if other and other != p["id"]:
            op = s.pkgs[other]
            s.index_remove(op)
            op["name"] = op["id"]
            s.index_add(op)
        p.update(rec)
        p["metadata_modified"] = now
        s.pkgs[p["id"]] = p
        s.index_add(p)
        return p

    # ---- package actions
    def package_create(self, data, user):
        self.require_user(user, "create packages")
        rec = self.validate_package(data, None)
        want = data.get("id")  # sysadmins may choose the id
        if isinstance(want, str) and want and want not in self.s.pkgs:
            rec["_id"] = want
        if data.get("state") in ("draft", "active"):
            rec["state"] = data["state"]
        p = self.store_package(rec, None)
        return self.s.pkg_show(p)

    def package_show(self, data, user):
        p = self.s.get_pkg(data.get("id") or self.bust(data, "name_or_id"))
        if p is None:
            raise not_found()
        if not user and (p["state"] != "active" or p["private"]):
            raise not_authorized("User  not authorized to read package %s" % p["id"])
        return self.s.pkg_show(p)

    def _update(self, data, user, patch):
        if patch:
            pid = self.bust(data, "id")
        else:
            pid = data.get("id") or data.get("name")
            if pid is None:
                raise validation_error({"id": "Missing value"})
        p = self.s.get_pkg(pid)
        if p is None:
            raise not_found() if patch else not_found("Package was not found.")
        if not user:
            raise not_authorized("User  not authorized to edit package %s" % p["id"])
        if patch:
            base = self.s.pkg_show(p)
            merged = dict(base)
            merged.update(data)
            data = merged
        rec = self.validate_package(data, p)
        if data.get("state") in ("draft", "active", "deleted"):
            rec["state"] = data["state"]
        p = self.store_package(rec, p)
        return self.s.pkg_show(p)

    def package_update(self, data, user):
        return self._update(data, user, False)

    def package_patch(self, data, user):
        return self._update(data, user, True)

    def package_delete(self, data, user):
        p = self.s.get_pkg(self.bust(data, "id"))
        if p is None:
            raise not_found()
        if not user:
            raise not_authorized("User  not authorized to delete package %s" % p["id"])
        self.s.index_remove(p)
        p["state"] = "deleted"  # CKAN 2.10 keeps metadata_modified (transcript 24)
        self.s.index_add(p)
        return None

    def dataset_purge(self, data, user):
        p = self.s.get_pkg(self.bust(data, "id"))
        if p is None:
            raise not_found()
        if not user:
            raise not_authorized("User  not authorized to purge package %s" % p["id"])
        self.s.index_remove(p)
        for r in p["resources"]:
            self.s.uploads.pop(r["id"], None)
        del self.s.pkgs[p["id"]]
        self.s.sorted_ids = None
        return None

    def package_list(self, data, user):
        names = sorted(p["name"] for p in self.s.pkgs.values()
                       if p["state"] == "active" and not p["private"])
        offset = self.natural(data, "offset", 0)
        if "limit" in data:
            return names[offset:offset + self.natural(data, "limit", 0)]
        return names[offset:]

    # ---- resources
    def _upload(self, data, res):
        up = data.get("upload")
        if isinstance(up, UploadedFile):
            if len(up.data) > self.cfg.max_resource_size * 1024 * 1024:
                raise validation_error({"upload": ["File upload too large"]})
            fname = munge_filename(up.filename or "upload")
            res["url"] = fname
            res["url_type"] = "upload"
            res["size"] = len(up.data)
            res["mimetype"] = mimetypes.guess_type(fname)[0] or up.ctype
            res["last_modified"] = now_iso()
            return (fname, up.data, res["mimetype"])
        return None

    def resource_create(self, data, user):
        pkg_id = self.bust(data, "package_id")
        p = self.s.get_pkg(pkg_id)
        if p is None:
            raise not_found()
        if not user:
            raise not_authorized("User  not authorized to create resources on dataset %s" % pkg_id)
        res = {k: v for k, v in data.items() if k not in ("package_id", "upload")}
        if not res.get("url"):
            res["url"] = ""
        upload = self._upload(data, res)
        if "mimetype" not in res and res.get("url"):
            mt = mimetypes.guess_type(res["url"])[0]
            if mt:
                res["mimetype"] = mt
        if not isinstance(res.get("id"), str):
            res.pop("id", None)
        body = self.s.pkg_show(p)
        body = dict(body, resources=[dict(r) for r in p["resources"]] + [res])
        try:
            rec = self.validate_package(body, p)
        except ActionFailure as e:
            if e.status == 409 and "resources" in e.error:
                raise validation_error(e.error["resources"][-1] or {})
            raise
        rec["resources"][-1]["url_type"] = res.get("url_type")
        p = self.store_package(rec, p)
        new = p["resources"][-1]
        if upload:
            self.s.uploads[new["id"]] = upload
        return self.s.res_show(p, new)

    def _find_resource(self, rid):
        for p in self.s.pkgs.values():
            for i, r in enumerate(p["resources"]):
                if r["id"] == rid:
                    return p, i
        return None, None

    def resource_show(self, data, user):
        p, i = self._find_resource(self.bust(data, "id"))
        if p is None or (not user and (p["state"] != "active" or p["private"])):
            raise not_found()
        return self.s.res_show(p, p["resources"][i])

    def _resource_update(self, data, user, patch):
        rid = self.bust(data, "id")
        p, i = self._find_resource(rid)
        if p is None:
            raise not_found() if patch else not_found("Resource was not found.")
        if not user:
            raise not_authorized("User  not authorized to edit resource %s" % rid)
        old = p["resources"][i]
        res = dict(old) if patch else {"id": rid}
        if patch and old.get("url_type") == "upload":
            res["url"] = old["url"]
        res.update({k: v for k, v in data.items() if k not in ("upload",)})
        if not patch and old.get("url_type") == "upload" and "url" not in data:
            res["url"] = old["url"]
            res["url_type"] = "upload"
        upload = self._upload(data, res)
        body = self.s.pkg_show(p)
        resources = [dict(r) for r in p["resources"]]
        resources[i] = res
        try:
            rec = self.validate_package(dict(body, resources=resources), p)
        except ActionFailure as e:
            if e.status == 409 and "resources" in e.error:
                raise validation_error(e.error["resources"][i] or {})
            raise
        p = self.store_package(rec, p)
        if upload:
            self.s.uploads[rid] = upload
        return self.s.res_show(p, p["resources"][i])

    def resource_update(self, data, user):
        return self._resource_update(data, user, False)

    def resource_patch(self, data, user):
        return self._resource_update(data, user, True)

    def resource_delete(self, data, user):
        rid = self.bust(data, "id")
        p, i = self._find_resource(rid)
        if p is None:
            raise not_found()
        if not user:
            raise not_authorized("User  not authorized to delete resource %s" % rid)
        body = self.s.pkg_show(p)
        resources = [dict(r) for r in p["resources"]]
        del resources[i]
        rec = self.validate_package(dict(body, resources=resources), p)
        self.store_package(rec, p)
        self.s.uploads.pop(rid, None)
        return None

    # ---- search
    @staticmethod
    def natural(data, key, default):
        v = data.get(key, default)
        if v in (None, ""):
            return default
        try:
            n = int(v)
        except (TypeError, ValueError):
            raise validation_error({key: ["Invalid integer"]})
        if n < 0:
            raise validation_error({key: ["Must be a natural number"]})
        return n

    def package_search(self, data, user):
        bad = sorted(k for k in data if k not in SEARCH_PARAMS)
        if bad:
            raise ActionFailure(400, {"__type": "Search Query Error",
                                      "message": "Search Query is invalid: %r"
                                                 % ("Invalid search parameters: %s" % bad,)})
        rows = min(self.natural(data, "rows", 10), self.cfg.rows_max)
        start = self.natural(data, "start", 0)
        q = data.get("q") or "*:*"
        fqs = []
        for key in ("fq", "fq_list"):
            v = data.get(key)
            if isinstance(v, list):
                fqs.extend(str(x) for x in v)
            elif v:
                if key == "fq_list" and isinstance(v, str) and v.startswith("["):
                    try:
                        fqs.extend(json.loads(v))
                        continue
                    except ValueError:
                        pass
                fqs.append(str(v))
        faults = getattr(self, "faults", None)
        if faults is not None and faults.snapshot().get("ignore_fq"):
            fqs = []
        try:
            clauses = parse_query(str(q))
            for fq in fqs:
                clauses.extend(parse_query(fq))
        except ValueError as e:
            raise ActionFailure(400, {"__type": "Search Query Error",
                                      "message": "Search Query is invalid: %r" % (str(e),)})
        include_private = as_bool(data.get("include_private", False)) and bool(user)
        include_drafts = as_bool(data.get("include_drafts", False)) and bool(user)
        cands = self.candidates(clauses)
        hits = []
        for pid in cands:
            p = self.s.pkgs.get(pid)
            if p is None or p["state"] == "deleted":
                continue
            if p["state"] == "draft" and not include_drafts:
                continue
            if p["private"] and not include_private:
                continue
            if all(self.match(p, c) for c in clauses):
                hits.append(p)
        sort = data.get("sort") or "score desc, metadata_modified desc"
        try:
            hits = self.sort(hits, str(sort))
        except ValueError as e:
            raise ActionFailure(400, {"__type": "Search Query Error",
                                      "message": "Search Query is invalid: %r" % (str(e),)})
        page = hits[start:start + rows]
        fl = data.get("fl")
        if fl and fl != "*":
            fields = [f for f in re.split(r"[,\s]+", str(fl)) if f]
            results = []
            for p in page:
                d = self.s.pkg_show(p)
                results.append({f: self.field_values(p, f)[0] if f not in d else d[f]
                                for f in fields if f in d or self.field_values(p, f)})
        else:
            results = RawList([self.s.pkg_search_json(p) for p in page])
        facets, search_facets = {}, {}
        ff = data.get("facet.field")
        if ff and as_bool(data.get("facet", True)):
            try:
                fields = json.loads(ff) if isinstance(ff, str) else list(ff)
            except ValueError:
                raise ActionFailure(409, {"__type": "Validation Error",
                                          "facet.field": ["Invalid JSON"]})
            limit = self.natural(data, "facet.limit", 50)
            mincount = self.natural(data, "facet.mincount", 1)
            for f in fields:
                counts = {}
                for p in hits:
                    for v in set(self.field_values(p, f)):
                        counts[v] = counts.get(v, 0) + 1
                items = sorted(((v, c) for v, c in counts.items() if c >= mincount),
                               key=lambda vc: (-vc[1], vc[0]))[:limit if limit >= 0 else None]
                facets[f] = dict(items)
                search_facets[f] = {"title": f, "items": [
                    {"name": v, "display_name": v, "count": c} for v, c in items]}
        return {"count": len(hits), "facets": facets, "results": results, "sort": str(sort),
                "search_facets": search_facets}

    INDEXED = ("id", "name", "identifier", "extras_identifier", "owner_org", "organization")

    def candidates(self, clauses):
        best = None
        for c in clauses:
            if c["neg"] or c["kind"] != "values" or c["field"] not in self.INDEXED:
                continue
            ids = set()
            for v in c["values"]:
                if v.endswith("*"):
                    ids = None
                    break
                ids |= self.lookup(c["field"], v)
            if ids is not None and (best is None or len(ids) < len(best)):
                best = ids
        if best is None:
            if self.s.sorted_ids is None:
                self.s.sorted_ids = sorted(self.s.pkgs)
            return self.s.sorted_ids
        return sorted(best)

    def lookup(self, field, v):
        s = self.s
        if field == "id":
            return {v} if v in s.pkgs else set()
        if field == "name":
            return {s.pkg_by_name[v]} if v in s.pkg_by_name else set()
        if field in ("identifier", "extras_identifier"):
            return set(s.pkg_by_identifier.get(v, ()))
        o = s.get_org(v) if field == "organization" else s.orgs.get(v)
        if o is None or (field == "organization" and o["name"] != v):
            return set()
        return set(s.pkgs_by_org.get(o["id"], ()))

    def field_values(self, p, field):
        """The indexed values of `field` for package p (a list of strings)."""
        if field in ("id", "name", "title", "notes", "owner_org", "state", "type", "url",
                     "version", "author", "maintainer", "license_id", "metadata_modified",
                     "metadata_created", "creator_user_id"):
            v = p.get(field)
            return [v] if v not in (None, "") else []
        if field == "organization":
            o = self.s.orgs.get(p["owner_org"])
            return [o["name"]] if o else []
        if field == "private":
            return ["true" if p["private"] else "false"]
        if field == "capacity":
            return ["private" if p["private"] else "public"]
        if field == "dataset_type":
            return [p["type"]]
        if field in ("tags", "tag"):
            return list(p["tags"])
        if field == "res_format":
            return [r["format"] for r in p["resources"] if r.get("format")]
        if field in ("res_name", "res_url", "res_description"):
            k = field[4:]
            return [r[k] for r in p["resources"] if r.get(k)]
        if field in ("dcat_theme", "theme"):
            t = p["dcat"].get("themes_aggregate")
            return [x["theme"] for x in json.loads(t)] if t else []
        if field == "num_resources":
            return [str(len(p["resources"]))]
        if field == "text":
            return [x for x in [p["name"], p["title"], p["notes"]] + list(p["tags"]) if x]
        key = field[7:] if field.startswith("extras_") else field
        v = p["dcat"].get(key)
        if v is not None:
            return [v]
        return [e["value"] for e in p["extras"] if e["key"] == key]

    TEXT_FIELDS = {"title", "notes", "text", "res_name", "res_description"}

    def match(self, p, c):
        if c["kind"] == "all":
            ok = True
        else:
            field = c["field"]
            vals = self.field_values(p, field)
            if c["kind"] == "any":
                ok = bool(vals)
            elif c["kind"] == "range":
                lo, hi = c["range"]
                ok = any((lo is None or norm_cmp(v) >= lo) and (hi is None or norm_cmp(v) <= hi)
                         for v in vals)
            else:
                ok = False
                for want in c["values"]:
                    for v in vals:
                        if field in self.TEXT_FIELDS:
                            hit = all(w in v.lower() for w in want.lower().rstrip("*").split())
                        elif want.endswith("*"):
                            hit = v.startswith(want[:-1])
                        else:
                            hit = v == want
                        if hit:
                            ok = True
                            break
                    if ok:
                        break
        return ok != c["neg"]

    def sort(self, hits, sort):
        keys = []
        for part in sort.split(","):
            bits = part.split()
            if not bits:
                continue
            field = bits[0]
            desc = len(bits) > 1 and bits[1].lower() == "desc"
            if len(bits) > 1 and bits[1].lower() not in ("asc", "desc"):
                raise ValueError("Invalid sort direction: %s" % part.strip())
            if field == "title_string":
                field = "title"
            if field not in ("score", "id", "name", "title", "metadata_modified",
                             "metadata_created", "views_recent", "views_total"):
                raise ValueError("can not sort on undefined field: %s" % field)
            keys.append((field, desc))
        for field, desc in reversed(keys):
            if field in ("score", "views_recent", "views_total"):
                continue
            hits.sort(key=lambda p, f=field: (p.get(f) or "").lower() if f == "title"
                      else (p.get(f) or ""), reverse=desc)
        return hits


def norm_cmp(v):
    return v[:-1] if isinstance(v, str) and v.endswith("Z") else v


# ---------------------------------------------------------------- Solr-ish query parsing


def _unescape(s):
    return re.sub(r"\\(.)", r"\1", s)


def _tokens(q):
    """Split a query on whitespace outside quotes, parentheses and brackets."""
    toks, cur, depth, quote, i = [], [], 0, False, 0
    while i < len(q):
        ch = q[i]
        if ch == "\\" and i + 1 < len(q):
            cur.append(q[i:i + 2])
            i += 2
            continue
        if ch == '"':
            quote = not quote
        elif not quote and ch in "([":
            depth += 1
        elif not quote and ch in ")]":
            depth -= 1
        if ch.isspace() and not quote and depth == 0:
            if cur:
                toks.append("".join(cur))
                cur = []
        else:
            cur.append(ch)
        i += 1
    if quote or depth != 0:
        raise ValueError("unbalanced quotes or parentheses in %r" % q)
    if cur:
        toks.append("".join(cur))
    return toks


def _split_field(tok):
    i = 0
    while i < len(tok):
        if tok[i] == "\\":
            i += 2
            continue
        if tok[i] == ":":
            return tok[:i], tok[i + 1:]
        if tok[i] in '"([':
            break
        i += 1
    return None, tok


def _value(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == '"' and v[-1] == '"':
        v = v[1:-1]
    return _unescape(v)


def parse_query(q):
    clauses = []
    neg_next = False
    q = q.strip()
    if q.startswith("{!"):
        raise ValueError("Local parameters are not supported in param 'q'")
    for tok in _tokens(q):
        if tok in ("AND", "&&", "OR", "||"):
            continue
        if tok == "NOT":
            neg_next = True
            continue
        neg = neg_next
        neg_next = False
        if tok[0] in "+-":
            neg = neg or tok[0] == "-"
            tok = tok[1:]
        if tok.startswith("(") and tok.endswith(")"):
            inner = parse_query(tok[1:-1])
            if len(inner) == 1:
                inner[0]["neg"] = inner[0]["neg"] != neg
                clauses.append(inner[0])
                continue
            if neg or re.search(r"\s(OR|\|\|)\s", tok):
                raise ValueError("only AND groups are supported: %s" % tok)
            clauses.extend(inner)
            continue
        if tok in ("*:*", "*"):
            clauses.append({"kind": "all", "neg": neg})
            continue
        field, val = _split_field(tok)
        if field is None:
            clauses.append({"kind": "values", "field": "text", "values": [_value(val)],
                            "neg": neg})
            continue
        field = _unescape(field)
        if val == "*":
            clauses.append({"kind": "any", "field": field, "neg": neg})
        elif val.startswith("[") and val.endswith("]"):
            m = re.match(r"^\[\s*(\S+)\s+TO\s+(\S+)\s*\]$", val)
            if not m:
                raise ValueError("bad range %s" % val)
            lo, hi = (None if x == "*" else norm_cmp(_value(x)) for x in m.groups())
            now = now_iso()
            lo = now if lo == "NOW" else lo
            hi = now if hi == "NOW" else hi
            clauses.append({"kind": "range", "field": field, "range": (lo, hi), "neg": neg})
        elif val.startswith("(") and val.endswith(")"):
            vals = [_value(t) for t in _tokens(val[1:-1]) if t not in ("OR", "||")]
            clauses.append({"kind": "values", "field": field, "values": vals, "neg": neg})
        else:
            clauses.append({"kind": "values", "field": field, "values": [_value(val)], "neg": neg})
    return clauses


# ---------------------------------------------------------------- faults and stats


class Faults:
    """Fault configuration and the per-request decision (seeded, reproducible)."""

    KEYS = {"latency_ms": float, "p500": float, "error_status": int, "p_drop": float,
            "drop_after": bool, "error_after": bool, "p_truncate": float, "burst_429": int, "retry_after": int,
            "seed": int, "actions": list, "sequence": list, "ignore_fq": bool}

    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        self.cfg = {"latency_ms": 0.0, "p500": 0.0, "error_status": 500, "p_drop": 0.0,
                    "drop_after": False, "error_after": False, "p_truncate": 0.0, "burst_429": 0, "retry_after": 1,
                    "seed": 0, "actions": None, "sequence": [],
                    # package_search drops fq, as a misconfigured search index may
                    "ignore_fq": False}
        self.n = 0

    def update(self, d):
        with self.lock:
            if d.get("reset"):
                self.clear()
            for k, v in d.items():
                if k == "reset":
                    continue
                if k not in self.KEYS:
                    raise ValueError("unknown fault key %r" % k)
                if k == "actions" and v is not None and not isinstance(v, list):
                    v = [a for a in str(v).split(",") if a]
                elif k == "sequence":
                    v = [str(x) for x in (v or [])]
                elif v is not None and k != "actions":
                    v = self.KEYS[k](v)
                self.cfg[k] = v
            self.n = 0
            return dict(self.cfg)

    def snapshot(self):
        with self.lock:
            return dict(self.cfg, sequence=list(self.cfg["sequence"]))

    def applies(self, action):
        acts = self.cfg["actions"]
        if not acts:
            return True
        return (action in acts or ("@write" in acts and action in WRITE_ACTIONS)
                or ("@read" in acts and action not in WRITE_ACTIONS))

    def decide(self, action):
        """Return (latency_s, fault) where fault is None, '429', 'drop', 'drop_after',
        'truncate' or ('5xx', status, after_the_action)."""
        with self.lock:
            c = self.cfg
            if not self.applies(action):
                return 0.0, None
            lat = c["latency_ms"] / 1000.0
            if c["sequence"]:
                tok = c["sequence"].pop(0)
                if tok.startswith("sleep:"):
                    return lat + float(tok[6:]) / 1000.0, None
                m = re.match(r"^(5\d\d)(_after)?$", tok)
                if m:
                    return lat, ("5xx", int(m.group(1)), bool(m.group(2)))
                return lat, (tok if tok in ("429", "drop", "drop_after", "truncate") else None)
            if c["burst_429"] > 0:
                c["burst_429"] -= 1
                return lat, "429"
            rng = random.Random("%d:%d" % (c["seed"], self.n))
            self.n += 1
            r_drop, r_500, r_trunc = rng.random(), rng.random(), rng.random()
            if r_drop < c["p_drop"]:
                return lat, ("drop_after" if c["drop_after"] else "drop")
            if r_500 < c["p500"]:
                return lat, ("5xx", c["error_status"], c["error_after"])
            if r_trunc < c["p_truncate"]:
                return lat, "truncate"
            return lat, None


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        self.requests = 0
        self.by_action = {}
        self.by_status = {}
        self.writes = 0
        self.writes_ok = 0
        self.faults = {"429": 0, "5xx": 0, "drop": 0, "drop_after": 0, "truncate": 0}
        self.max_inflight = 0
        self.inflight = 0
        self.connections = 0

    def snapshot(self, store):
        with self.lock:
            d = {"requests": self.requests, "by_action": dict(self.by_action),
                 "by_status": {str(k): v for k, v in self.by_status.items()},
                 "writes": self.writes, "writes_ok": self.writes_ok, "faults": dict(self.faults),
                 "max_inflight": self.max_inflight, "connections": self.connections}
        with store.lock:
            states = {}
            for p in store.pkgs.values():
                states[p["state"]] = states.get(p["state"], 0) + 1
            d["packages"] = states
            d["organizations"] = len(store.orgs)
        return d


class RawList(list):
    """Search results already encoded as JSON text, spliced into the envelope."""
    MARK = "\u0000raw-results\u0000"


class UploadedFile:
    def __init__(self, filename, ctype, data):
        self.filename, self.ctype, self.data = filename, ctype, data


def parse_multipart(body, ctype):
    m = re.search(r'boundary="?([^";]+)"?', ctype)
    if not m:
        raise BadRequest("Bad request - JSON Error: multipart without boundary")
    delim = b"--" + m.group(1).encode("latin-1")
    fields, files = {}, {}
    for part in body.split(delim)[1:]:
        if part.startswith(b"--"):
            break
        if part.startswith(b"\r\n"):
            part = part[2:]
        if part.endswith(b"\r\n"):
            part = part[:-2]
        head, _, data = part.partition(b"\r\n\r\n")
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            k, _, v = line.partition(":")
            headers[k.strip().lower()] = v.strip()
        disp = headers.get("content-disposition", "")
        nm = re.search(r'(?:^|;)\s*name="([^"]*)"', disp)
        fn = re.search(r'filename="([^"]*)"', disp)
        if not nm:
            continue
        if fn:
            files[nm.group(1)] = UploadedFile(fn.group(1), headers.get("content-type"), data)
        else:
            fields.setdefault(nm.group(1), []).append(data.decode("utf-8", "replace"))
    return fields, files


def mixed(multi):
    return {k: (v[0] if len(v) == 1 else v) for k, v in multi.items()}


# ---------------------------------------------------------------- HTTP


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ckan-test-server/1.0"
    sys_version = ""
    timeout = 120  # idle keep-alive connections are closed, as by a real front end

    def log_message(self, fmt, *args):
        if self.server.cfg.verbose:
            sys.stderr.write("ckan_server: " + (fmt % args) + "\n")

    def setup(self):
        self.timeout = self.server.cfg.idle_timeout
        super().setup()
        # headers and body are separate writes: without this, Nagle + delayed ACK cost 40 ms
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        st = self.server.stats
        with st.lock:
            st.connections += 1

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_PUT(self):
        self.dispatch("PUT")

    def do_DELETE(self):
        self.dispatch("DELETE")

    def do_HEAD(self):
        self.dispatch("HEAD")

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline(3)
            return b"".join(chunks)
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def dispatch(self, method):
        srv = self.server
        t0 = time.monotonic()
        try:
            body = self.read_body()
        except (ValueError, OSError):
            self.close_connection = True
            return
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        if path.startswith("/_test/"):
            status, ctype, payload, extra = self.control(method, path, body)
            self.send(status, ctype, payload, extra, "_test", t0)
            return
        m = ACTION_PATH.match(path)
        d = DOWNLOAD_PATH.match(path) if not m else None
        rd = RDF_DATASET_PATH.match(path) if not m and not d else None
        rc = RDF_CATALOG_PATH.match(path) if not m and not d and not rd else None
        action = m.group(1) if m else ("download" if d else "rdf" if rd or rc else None)
        st = srv.stats
        with st.lock:
            st.requests += 1
            key = action or "other"
            st.by_action[key] = st.by_action.get(key, 0) + 1
            if action in WRITE_ACTIONS:
                st.writes += 1
            st.inflight += 1
            st.max_inflight = max(st.max_inflight, st.inflight)
        try:
            fault = None
            if action:
                latency, fault = srv.faults.decide(action)
                if latency > 0:
                    time.sleep(latency)
            if fault == "429":
                self.count_fault("429")
                ra = srv.faults.cfg["retry_after"]
                self.send(429, "text/html; charset=utf-8",
                          b"<html><body><h1>429 Too Many Requests</h1></body></html>\n",
                          {"Retry-After": str(ra)}, action, t0)
                return
            if fault == "drop":
                self.count_fault("drop")
                self.drop(action, t0)
                return
            if isinstance(fault, tuple) and not fault[2]:
                self.send_5xx(fault[1], action, t0)
                return
            if m:
                status, ctype, payload, extra = self.api(method, action, url, body)
                if action in WRITE_ACTIONS and status == 200:
                    with st.lock:
                        st.writes_ok += 1
            elif d:
                status, ctype, payload, extra = self.download(d.group(1), d.group(2))
            elif rd or rc:
                status, ctype, payload, extra = self.rdf(rd, rc, url, method)
            else:
                status, ctype, payload, extra = (404, "text/html; charset=utf-8",
                                                 b"<html><body><h1>404 Not Found</h1></body></html>\n",
                                                 {})
            if fault == "drop_after":
                self.count_fault("drop_after")
                self.drop(action, t0)
                return
            if isinstance(fault, tuple):
                self.send_5xx(fault[1], action, t0)
                return
            self.send(status, ctype, payload, extra, action, t0, truncate=(fault == "truncate"))
        finally:
            with st.lock:
                st.inflight -= 1

    def send_5xx(self, code, action, t0):
        """CKAN's own 500 envelope, or a proxy's HTML page for other codes."""
        self.count_fault("5xx")
        if code == 500:
            env = {"help": self.help_url(action), "error": {
                "__type": "Internal Server Error", "message": "Internal Server Error"},
                "success": False}
            self.send(500, JSON_CT, json.dumps(env).encode(), {}, action, t0)
            return
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "Server Error"
        extra = {"Retry-After": str(self.server.faults.cfg["retry_after"])} if code == 503 else {}
        page = "<html><head><title>%d %s</title></head><body><h1>%d %s</h1></body></html>\n" % (
            code, phrase, code, phrase)
        self.send(code, "text/html; charset=utf-8", page.encode(), extra, action, t0)

    def count_fault(self, kind):
        st = self.server.stats
        with st.lock:
            st.faults[kind] += 1

    def drop(self, action, t0):
        self.close_connection = True
        self.log_line(action, "drop", 0, t0)
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def help_url(self, action):
        return "%s/api/3/action/help_show?name=%s" % (self.server.cfg.site_url, action)

    def send(self, status, ctype, payload, extra, action, t0, truncate=False):
        if truncate:
            self.count_fault("truncate")
        try:
            self.log_line(action, "truncate" if truncate else str(status), len(payload), t0)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                if truncate:
                    self.wfile.write(payload[:len(payload) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                else:
                    self.wfile.write(payload)
        except OSError:
            self.close_connection = True
        if action != "_test":
            st = self.server.stats
            with st.lock:
                st.by_status[status] = st.by_status.get(status, 0) + 1

    def log_line(self, action, status, size, t0):
        srv = self.server
        if srv.logfile is None:
            return
        line = "%s %s %s %s %s %d %.1fms\n" % (
            now_iso(), self.command, self.path, status, action or "-", size,
            (time.monotonic() - t0) * 1000)
        for tok in srv.cfg.tokens:
            line = line.replace(tok, "***")
        with srv.log_lock:
            srv.logfile.write(line)
            srv.logfile.flush()

    # ---- the Action API
    def user(self):
        tok = self.headers.get("X-CKAN-API-Key") or self.headers.get("Authorization") or ""
        return self.server.cfg.user if tok and tok in self.server.cfg.tokens else ""

    def request_data(self, method, action, url, body):
        side_effect_free = action in READ_ACTIONS
        if not side_effect_free and method == "GET":
            raise BadRequest("Bad request - JSON Error: Invalid request. Please use POST "
                             "method for your request")
        ctype = self.headers.get("Content-Type", "")
        mime = ctype.split(";")[0].strip().lower()
        data, files = {}, {}
        if method in ("POST", "PUT") and mime == "multipart/form-data" and body:
            fields, files = parse_multipart(body, ctype)
            form = fields
        elif method in ("POST", "PUT") and mime == "application/x-www-form-urlencoded" and body:
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        else:
            form = {}
        if form:
            values = [v for vs in form.values() for v in vs]
            if len(values) == 1 and values[0] in ("1", ""):
                key = list(form)[0]
                try:
                    data = json.loads(key)
                except ValueError as e:
                    raise BadRequest("Bad request - JSON Error: Error decoding JSON data. "
                                     "Error: %r JSON data extracted from the request: {}" % e)
            else:
                data = mixed(form)
        elif url.query and side_effect_free and method == "GET":
            data = mixed(urllib.parse.parse_qs(url.query, keep_blank_values=True))
        elif body and mime != "multipart/form-data":
            if not (mime == "application/json" or mime.endswith("+json")):
                raise RawResponse(415, b"<!doctype html>\n<html lang=en>\n<title>415 Unsupported "
                                       b"Media Type</title>\n<h1>Unsupported Media Type</h1>\n<p>Did "
                                       b"not attempt to load JSON data because the request "
                                       b"Content-Type was not &#39;application/json&#39;.</p>\n")
            try:
                data = json.loads(body.decode("utf-8"))
            except ValueError:
                raise BadRequest("Bad request - JSON Error: Error decoding JSON data. Error: "
                                 "<BadRequest '400: Bad Request'> JSON data extracted from the "
                                 "request: {}")
        if not isinstance(data, dict):
            raise BadRequest("Bad request - JSON Error: Request data JSON decoded to %r but it "
                             "needs to be a dictionary." % (data,))
        if method == "PUT" and not data:
            raise BadRequest("Bad request - JSON Error: Invalid request. Please use the POST "
                             "method for your request")
        data.update(files)
        data.pop("callback", None)
        return data

    def api(self, method, action, url, body):
        srv = self.server
        if method not in ("GET", "POST"):
            return (405, "text/html; charset=utf-8",
                    b"<html><body><h1>405 Method Not Allowed</h1></body></html>\n", {})
        fn = getattr(srv.api, action, None) if action in READ_ACTIONS | WRITE_ACTIONS else None
        if fn is None:
            msg = "Bad request - Action name not known: %s" % action
            return 400, JSON_CT, json.dumps(msg).encode(), {}
        env = {"help": self.help_url(action)}
        try:
            data = self.request_data(method, action, url, body)
            with srv.store.lock:
                result = fn(data, self.user())
                env["success"] = True
                env["result"] = result
                raw = None
                if isinstance(result, dict) and isinstance(result.get("results"), RawList):
                    raw = result["results"]
                    result["results"] = RawList.MARK
                payload = json.dumps(env)
                if raw is not None:
                    payload = payload.replace(json.dumps(RawList.MARK), "[" + ", ".join(raw) + "]", 1)
                payload = payload.encode()
            return 200, JSON_CT, payload, {}
        except BadRequest as e:
            return 400, JSON_CT, json.dumps(str(e)).encode(), {}
        except RawResponse as e:
            return e.status, e.ctype, e.body, e.headers
        except ActionFailure as e:
            env["error"] = e.error
            if e.error.get("__type") == "Integrity Error":
                env["error"] = dict(e.error, data={k: v for k, v in data.items()
                                                   if not isinstance(v, UploadedFile)})
            env["success"] = False
            return e.status, JSON_CT, json.dumps(env).encode(), {}
        except Exception as e:  # an emulator bug must look like CKAN's 500, and be visible
            sys.stderr.write("ckan_server: internal error in %s: %r\n" % (action, e))
            import traceback
            traceback.print_exc()
            env["error"] = {"__type": "Internal Server Error", "message": "Internal Server Error"}
            env["success"] = False
            return 500, JSON_CT, json.dumps(env).encode(), {}

    def rdf(self, rd, rc, url, method):
        """/dataset/NAME.EXT and /catalog.EXT (ckan_rdf.py), anonymous as harvesters read."""
        srv = self.server
        if method not in ("GET", "HEAD"):
            return (405, "text/html; charset=utf-8",
                    b"<html><body><h1>405 Method Not Allowed</h1></body></html>\n", {})
        not_found_page = (404, "text/html; charset=utf-8",
                          b"<html><body><h1>404 Not Found</h1></body></html>\n", {})
        ext = (rd or rc).group(rd.lastindex if rd else 1)
        ser, ctype = ckan_rdf.SERIALIZERS[ext]
        mode, per_page = srv.rdf_cfg["mode"], srv.rdf_cfg["page_size"]
        site = srv.cfg.site_url
        g = ckan_rdf.Graph()
        with srv.store.lock:
            st = srv.store
            if rd:
                p = st.get_pkg(rd.group(1))
                if p is None or p["state"] != "active" or p["private"]:
                    return not_found_page
                ckan_rdf.dataset_graph(g, st.pkg_show(p), p["dcat"], st.orgs.get(p["owner_org"]),
                                       site, mode, False)
            else:
                q = urllib.parse.parse_qs(url.query)
                try:
                    page = int(q.get("page", ["1"])[0])
                except ValueError:
                    page = 0
                if page < 1:
                    return (400, "text/html; charset=utf-8",
                            b"<html><body><h1>400 Bad Request</h1></body></html>\n", {})
                pkgs = [p for p in st.pkgs.values() if p["state"] == "active" and not p["private"]]
                fq = q.get("fq", [""])[0]
                if fq.startswith("organization:"):
                    org = st.get_org(fq.split(":", 1)[1])
                    pkgs = [p for p in pkgs if org and p["owner_org"] == org["id"]]
                pkgs.sort(key=lambda p: (p["metadata_modified"], p["id"]), reverse=True)
                total = len(pkgs)
                modified = pkgs[0]["metadata_modified"] if pkgs else None
                chunk = pkgs[(page - 1) * per_page:page * per_page]
                rows = [(st.pkg_show(p), p["dcat"], st.orgs.get(p["owner_org"])) for p in chunk]
                ckan_rdf.catalog_graph(g, rows, site, srv.rdf_cfg["title"], mode, page, per_page,
                                       total, ext, modified)
        return 200, ctype, ser(g), {}

    def download(self, pkg_id, res_id):
        srv = self.server
        with srv.store.lock:
            up = srv.store.uploads.get(res_id)
            p = srv.store.get_pkg(pkg_id)
        if up is None or p is None or p["id"] not in srv.store.pkgs:
            return (404, "text/html; charset=utf-8",
                    b"<html><body><h1>404 Not Found</h1><p>Resource data not found</p></body></html>\n",
                    {})
        fname, data, mt = up
        return 200, mt or "application/octet-stream", data, {
            "Content-Disposition": 'attachment; filename="%s"' % fname}

    # ---- control endpoints (never faulted, never counted)
    def control(self, method, path, body):
        srv = self.server

        def reply(obj, status=200):
            return status, "application/json", (json.dumps(obj, indent=1) + "\n").encode(), {}
        try:
            data = json.loads(body.decode("utf-8")) if body.strip() else {}
        except ValueError:
            return reply({"error": "bad JSON"}, 400)
        if path == "/_test/faults":
            if method == "POST":
                try:
                    return reply(srv.faults.update(data))
                except (ValueError, TypeError) as e:
                    return reply({"error": str(e)}, 400)
            return reply(srv.faults.snapshot())
        if path == "/_test/stats":
            if method == "POST" and data.get("reset"):
                srv.stats.clear()
            return reply(srv.stats.snapshot(srv.store))
        if path == "/_test/reset" and method == "POST":
            what = data.get("what", ["data", "stats", "faults"])
            if "data" in what:
                srv.store.reset()
            if "stats" in what:
                srv.stats.clear()
            if "faults" in what:
                srv.faults.update({"reset": True})
            return reply({"reset": what})
        if path == "/_test/dump":
            with srv.store.lock:
                s = srv.store
                return reply({"organizations": [s.org_show(o) for o in s.orgs.values()],
                              "packages": [s.pkg_show(p) for p in
                                           sorted(s.pkgs.values(), key=lambda p: p["name"])]})
        if path == "/_test/load" and method == "POST":
            created, errors = 0, []
            with srv.store.lock:
                for o in data.get("organizations", []):
                    try:
                        srv.api.organization_create(o, srv.cfg.user)
                        created += 1
                    except ActionFailure as e:
                        errors.append({"name": o.get("name"), "error": e.error})
                for p in data.get("packages", []):
                    try:
                        srv.api.package_create(p, srv.cfg.user)
                        created += 1
                    except ActionFailure as e:
                        errors.append({"name": p.get("name"), "error": e.error})
            return reply({"created": created, "errors": errors})
        if path == "/_test/rdf":
            if method == "POST":
                if data.get("mode", srv.rdf_cfg["mode"]) not in ("portal", "faithful"):
                    return reply({"error": "mode is portal or faithful"}, 400)
                for k in ("mode", "page_size", "title"):
                    if k in data:
                        srv.rdf_cfg[k] = data[k]
            return reply(srv.rdf_cfg)
        if path == "/_test/shutdown" and method == "POST":
            threading.Thread(target=srv.shutdown, daemon=True).start()
            return reply({"shutdown": True})
        return reply({"error": "unknown control endpoint %s" % path}, 404)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


def build_parser():
    ap = argparse.ArgumentParser(description="CKAN 2.10 + ckanext-dcatapit Action API test server")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="0 picks a free port (default)")
    ap.add_argument("--port-file", help="write the bound port here once listening")
    ap.add_argument("--token", action="append", default=[],
                    help="a valid API token (repeatable); every valid token is the sysadmin")
    ap.add_argument("--token-file", help="read the valid API token from this file")
    ap.add_argument("--user", default="ckanadmin", help="name of the sysadmin user")
    ap.add_argument("--schema", choices=["dcatapit", "ckan"], default="dcatapit",
                    help="dcatapit (ckanext-dcatapit, default) or ckan (plain CKAN 2.10)")
    ap.add_argument("--site-url", help="default http://HOST:PORT")
    ap.add_argument("--rows-max", type=int, default=1000)
    ap.add_argument("--max-resource-size", type=int, default=10, help="MB")
    ap.add_argument("--load", help="JSON file {organizations: [...], packages: [...]} to "
                    "create at start (through the normal validation)")
    ap.add_argument("--idle-timeout", type=float, default=120,
                    help="close a kept-alive connection idle this many seconds (default 120)")
    ap.add_argument("--log", help="append one line per request: time method path status ...")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--rdf-mode", choices=["portal", "faithful"], default="portal",
                    help="the DCAT RDF endpoints: portal (what the real ckanext-dcatapit "
                         "serves, changes included, default) or faithful (a well-behaved portal)")
    ap.add_argument("--rdf-page-size", type=int, default=100,
                    help="datasets per page of /catalog.* (hydra; default 100, as ckanext-dcat)")
    g = ap.add_argument_group("fault injection (also at run time: POST /_test/faults)")
    g.add_argument("--latency-ms", type=float, default=0)
    g.add_argument("--p500", type=float, default=0, help="probability of a 5xx")
    g.add_argument("--error-status", type=int, default=500)
    g.add_argument("--error-after", action="store_true",
                   help="5xx faults happen after the action ran (the write is kept)")
    g.add_argument("--p-drop", type=float, default=0,
                   help="probability of closing the connection without a response")
    g.add_argument("--drop-after", action="store_true",
                   help="drops happen after the action ran (the write is kept)")
    g.add_argument("--p-truncate", type=float, default=0,
                   help="probability of sending half the body then closing")
    g.add_argument("--burst-429", type=int, default=0, help="the next N requests get 429")
    g.add_argument("--retry-after", type=int, default=1)
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--fault-actions", default="",
                   help="comma list of actions faults apply to (@write, @read); default all")
    return ap


def main(argv=None):
    args = build_parser().parse_args(argv)
    tokens = list(args.token)
    if args.token_file:
        with open(args.token_file, encoding="utf-8") as f:
            t = f.read().strip()
            if t:
                tokens.append(t)
    if os.environ.get("CKAN_TEST_TOKEN"):
        tokens.append(os.environ["CKAN_TEST_TOKEN"])
    httpd = Server((args.host, args.port), Handler)
    port = httpd.server_address[1]
    args.tokens = tokens
    args.site_url = (args.site_url or "http://%s:%d" % (args.host, port)).rstrip("/")
    httpd.cfg = args
    httpd.rdf_cfg = {"mode": args.rdf_mode, "page_size": max(1, args.rdf_page_size),
                     "title": "CKAN real (dcatapit)"}
    httpd.store = Store(args)
    httpd.api = Api(httpd.store, args)
    httpd.stats = Stats()
    httpd.faults = Faults()
    httpd.api.faults = httpd.faults
    httpd.faults.update({"latency_ms": args.latency_ms, "p500": args.p500,
                         "error_status": args.error_status, "p_drop": args.p_drop,
                         "drop_after": args.drop_after, "error_after": args.error_after,
                         "p_truncate": args.p_truncate,
                         "burst_429": args.burst_429, "retry_after": args.retry_after,
                         "seed": args.seed,
                         "actions": [a for a in args.fault_actions.split(",") if a] or None})
    if args.load:
        with open(args.load, encoding="utf-8") as f:
            fixture = json.load(f)
        try:
            for o in fixture.get("organizations", []):
                httpd.api.organization_create(o, args.user)
            for p in fixture.get("packages", []):
                httpd.api.package_create(p, args.user)
        except ActionFailure as e:
            sys.stderr.write("ckan_server: cannot load '%s': %s\n" % (args.load, json.dumps(e.error)))
            return 2
    httpd.log_lock = threading.Lock()
    httpd.logfile = open(args.log, "a", encoding="utf-8") if args.log else None
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("%d\n" % port)
        os.replace(tmp, args.port_file)
    print("ckan_server: listening on %s (schema %s)" % (args.site_url, args.schema), flush=True)
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
