"""A page read as assistive technology reads it: the name a label gives a control, the text an
aria-describedby points at. Parsed with lxml (installed with python-docx)."""

from lxml import html as lxml_html

LABELABLE = ("input", "select", "textarea", "button", "meter", "output", "progress")


def parse(response):
    return lxml_html.fromstring(response.content.decode())


def text(element) -> str:
    return " ".join(element.text_content().split())


def controls(doc) -> list:
    """The form controls a person fills in or chooses (not hidden fields, not buttons)."""
    return [
        el
        for el in doc.iter("input", "select", "textarea")
        if el.get("type", "").lower() not in ("hidden", "submit", "button", "reset")
    ]


def labels_of(doc, control) -> list:
    """The labels that name the control (HTML: a label's `for`, or else its first labelable
    descendant)."""
    found = []
    for label in doc.iter("label"):
        target = label.get("for")
        if target is not None:
            if target and target == control.get("id"):
                found.append(label)
            continue
        first = next(iter(label.iter(*LABELABLE)), None)
        if first is control:
            found.append(label)
    return found


def accessible_name(doc, control) -> str:
    """aria-labelledby, aria-label, the labels, then title: enough of the accname rules for forms."""
    if control.get("aria-labelledby"):
        parts = [doc.get_element_by_id(i, None) for i in control.get("aria-labelledby").split()]
        return " ".join(text(p) for p in parts if p is not None)
    if control.get("aria-label", "").strip():
        return control.get("aria-label").strip()
    names = [text(label) for label in labels_of(doc, control)]
    if any(names):
        return " ".join(n for n in names if n)
    return (control.get("title") or "").strip()


def group_name(control) -> str:
    """The legend of the fieldset the control is in (how a radio group is named)."""
    for ancestor in control.iterancestors("fieldset"):
        legend = next(iter(ancestor.iterchildren("legend")), None)
        if legend is not None:
            return text(legend)
    return ""


def described_by(doc, control) -> list[str]:
    """The texts aria-describedby points at; an id with no element is None."""
    out = []
    for ref in (control.get("aria-describedby") or "").split():
        el = doc.get_element_by_id(ref, None)
        out.append(None if el is None else text(el))
    return out
