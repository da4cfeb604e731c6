"""Small maps for the evaluation tests, written as text: ``a > c`` supports, ``a x c`` attacks."""

from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement


def build(spec: str, kinds: dict[str, Kind] | None = None, assess: dict[str, str] | None = None) -> ArgumentMap:
    """Lines ``a b > c`` (a linked support ``a+b -> c``), ``a x c`` (an attack) and ``u x a>c`` (an
    undercut of the relation ``a > c``) make a map; a line with one name adds a lone statement.
    Statement ids are the names (texts in capitals), relation ids the lines (``a b > c``);
    ``assess`` sets the assessment of statements or relations by id."""
    kinds = kinds or {}
    assess = assess or {}
    names: dict[str, None] = {}
    parsed = []
    for line in (ln.strip() for ln in spec.strip().splitlines()):
        if " x " in line:
            left, target = line.split(" x ", 1)
            pol = Polarity.ATTACK
        elif ">" in line:
            left, target = line.split(">", 1)
            pol = Polarity.SUPPORT
        else:
            names.setdefault(line)
            continue
        premises = tuple(left.split())
        target = target.strip().replace(" ", "")
        for n in premises:
            names.setdefault(n)
        if ">" not in target:
            names.setdefault(target)
        parsed.append((line, pol, premises, target))
    ids = {line.replace(" ", ""): line for line, *_ in parsed}
    rels = [
        Relation(line, pol, premises, ids.get(target, target), assessment=assess.get(line))
        for line, pol, premises, target in parsed
    ]
    sts = [Statement(n, n.upper(), kinds.get(n, Kind.PREMISE), assessment=assess.get(n)) for n in names]
    amap = ArgumentMap("test")
    amap.add_many(sts, rels)
    return amap
