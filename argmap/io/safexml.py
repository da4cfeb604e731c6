"""Parse untrusted XML with defusedxml: no entity expansion, no external entities, one-line errors."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import MapFileError, read_text


def parse_xml(path: str | os.PathLike[str], text: str | None = None) -> ET.Element:
    """The root element of an XML file (or of ``text``), refusing entities and external references."""
    p = os.fspath(path)
    if text is None:
        text = read_text(p)
    try:
        # the text is already decoded: handed over as a string, the parser ignores the declaration's
        # encoding (which may name one it does not know)
        return fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        what = "refers to an external resource" if "External" in type(e).__name__ else "declares entities"
        raise MapFileError(
            p, "", f"refused: the XML {what} (entity expansion and external references are not allowed)"
        ) from None
    except ET.ParseError as e:
        line, col = e.position
        raise MapFileError(p, f"line {line}, column {col + 1}", f"not well-formed XML: {_msg(e)}") from None
    except RecursionError:
        raise MapFileError(p, "", "XML nested too deeply") from None


def _msg(e: ET.ParseError) -> str:
    msg = str(e)
    return msg.split(":", 1)[0] if ": line" in msg else msg


def local(tag: str) -> str:
    """``{namespace}name`` -> ``name``."""
    return tag.rsplit("}", 1)[-1]


def where(el: ET.Element, index: int | None = None) -> str:
    """An element named for an error message: ``<edge id="c3">`` or ``<edge> #4``."""
    name = local(el.tag)
    eid = el.get("id")
    if eid is not None:
        return f'<{name} id="{eid}">'
    return f"<{name}> #{index + 1}" if index is not None else f"<{name}>"
