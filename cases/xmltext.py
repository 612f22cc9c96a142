"""Text for XML files (DOCX, XLSX): XML 1.0 cannot hold most control characters, and pasted text may
carry them (Word's \x0b line break, a form feed). The files leave them out, as a browser does not print
them either; without this the download was a 500."""

import re

NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return NOT_XML.sub("", text)


def xml_safe_tree(value):
    """Every string in a tree of dicts and lists made XML-safe (a report's data)."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {k: xml_safe_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [xml_safe_tree(v) for v in value]
    return value
