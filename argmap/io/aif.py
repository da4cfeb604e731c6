"""AIF JSON (AIFdb nodesets, OVA2 and OVA3 files): reading (parsed in aif_parse, built in aif_build).

Mapping (see docs/argument-model.md):

- ``I`` node -> statement (its id is the AIF ``nodeID`` as a string).
- ``RA`` -> support relation, ``CA`` -> attack, ``MA`` -> support marked rephrase,
  ``PA`` -> attack marked preference (the preferred node attacks the dispreferred one).
  The S-node's incoming I-nodes are its (linked) premises, its outgoing node the
  target; an edge from an S-node to another S-node targets that relation (an
  undercut when it is a CA).
- ``L``, ``YA``, ``TA`` dialogue nodes become locution metadata on the statements
  and relations they anchor (``meta["aif"]["locutions"]``); the raw dialogue
  nodes and edges are kept in the map's metadata so that export writes them back.
- Kinds: an ``argmap`` block on a node (written by argmap's export) wins.  Else
  an I-node that is the target of some relation and the premise of none is a
  ``conclusion``; an I-node whose every relation out is an RA of an evidential
  scheme (example, statistics, witness testimony) is ``evidence``; the rest are
  ``premise``.
- OVA ``x``/``y`` are used as the centre of the card or junction.

S-nodes that cannot be represented (no premise, no target, a circular chain of
relation targets, a target gone) are dropped and named in the report.
"""

from __future__ import annotations

import os
import re

from .aif_build import build_map
from .aif_parse import parse
from .errors import MAX_FILE_BYTES, parse_json, read_text
from .native import read_result
from .registry import ImportResult


def sniff(head: str) -> bool:
    """Does this start of a ``.json`` file look like AIF (and not an argmap map)?"""
    if re.search(r'"format"\s*:\s*"argmap"', head):
        return False
    return bool(re.search(r'"(nodeID|AIF)"\s*:', head)) or ('"nodes"' in head and '"edges"' in head)


def read_aif(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> ImportResult:
    """Registry reader: an AIF file -> map and report.  An argmap map named ``.json`` is read as one."""
    p = os.fspath(path)
    text = read_text(p, limit)
    doc = parse_json(text, p)
    if isinstance(doc, dict) and doc.get("format") == "argmap":
        return read_result(p)
    return build_map(parse(doc, p), p)


def loads(text: str, path: str = "<input>") -> ImportResult:
    """AIF JSON text -> import result (for tests and paste)."""
    doc = parse_json(text, path)
    return build_map(parse(doc, path), path)
