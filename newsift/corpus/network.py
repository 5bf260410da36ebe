"""``newsift corpus network``: the outlet-level content-sharing graph from ``corpus trace`` relations.

An edge goes from the outlet whose text was taken to the outlet that took
it, weighted by the narrative words shared (quotations say nothing about
who copied whom, so quote-only relations are not edges). Relations whose
direction could not be told add to ``undirected_words`` on the edge in
name order. Relations within one outlet are the outlet's own reuse and are
counted on its node, not drawn. Each outlet's rating, when the store has
ratings, colours its node.

The uncredited table lists outlets that publish others' text without
saying so: copy relations where this outlet is the copier and nothing in
its text credits the source (no credit vote in the direction evidence).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..provenance.direction import OTHER_COPIED, THIS_COPIED

__all__ = ["Network", "build_network", "draw_network", "uncredited"]

# direction evidence is worded from ``a``'s side: which line says the copier credited its source
_COPIER_A_CREDITS = "this article credits the other"
_COPIER_B_CREDITS = "the other article credits this one"


@dataclass
class Network:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def node(self, domain: str) -> dict[str, Any]:
        return self.nodes.setdefault(domain, {"domain": domain, "relations": 0, "copied_from_others": 0,
                                              "copied_by_others": 0, "internal_reuse": 0, "score": None,
                                              "rated": False})

    def edge(self, source: str, copier: str) -> dict[str, Any]:
        return self.edges.setdefault((source, copier), {"source": source, "copier": copier, "relations": 0,
                                                        "narrative_words": 0, "undirected_words": 0,
                                                        "credited": 0})


def _sides(row: dict[str, Any]) -> tuple[str, str] | None:
    """(source, copier) domains of a directed copy relation, else None."""
    if row["direction"] == THIS_COPIED:  # a copied from b
        return row["b_domain"], row["a_domain"]
    if row["direction"] == OTHER_COPIED:
        return row["a_domain"], row["b_domain"]
    return None


def _credited(row: dict[str, Any]) -> bool:
    """The copier credits its source (``a`` is the copier when ``a`` copied from ``b``)."""
    phrase = _COPIER_A_CREDITS if row["direction"] == THIS_COPIED else _COPIER_B_CREDITS
    return any(phrase in why for why in row.get("evidence") or [])


def build_network(relations: Iterable[dict[str, Any]], rate: Callable[[str], float | None] | None = None) -> Network:
    """The outlet graph of these relations (``Relation.as_row`` dicts); ``rate`` gives a domain's score."""
    net = Network()
    for row in relations:
        a, b = row.get("a_domain"), row.get("b_domain")
        if not row.get("is_copy") or not a or not b:
            continue
        for d in (a, b):
            net.node(d)["relations"] += 1
        if a == b:
            net.node(a)["internal_reuse"] += 1
            continue
        sides = _sides(row)
        if sides is None:
            first, second = sorted((a, b))
            net.edge(first, second)["undirected_words"] += row["narrative_words"]
            continue
        source, copier = sides
        edge = net.edge(source, copier)
        edge["relations"] += 1
        edge["narrative_words"] += row["narrative_words"]
        edge["credited"] += int(_credited(row))
        net.node(copier)["copied_from_others"] += 1
        net.node(source)["copied_by_others"] += 1
    if rate is not None:
        for domain, node in net.nodes.items():
            score = rate(domain)
            node["score"], node["rated"] = score, score is not None
    return net


def uncredited(relations: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per copier outlet: copies of other outlets' text without a credit, with the sources and words."""
    table: dict[str, dict[str, Any]] = defaultdict(lambda: {"copies": 0, "uncredited": 0, "words": 0,
                                                            "sources": set(), "examples": []})
    for row in relations:
        sides = _sides(row) if row.get("is_copy") else None
        if sides is None or sides[0] == sides[1] or not all(sides):
            continue
        source, copier = sides
        entry = table[copier]
        entry["copies"] += 1
        if not _credited(row):
            entry["uncredited"] += 1
            entry["words"] += row["narrative_words"]
            entry["sources"].add(source)
            copy_id, source_id = (row["a"], row["b"]) if row["direction"] == THIS_COPIED else (row["b"], row["a"])
            if len(entry["examples"]) < 3:
                entry["examples"].append(f"{copy_id} <- {source_id}")
    rows = [{"outlet": d, "copies": e["copies"], "uncredited": e["uncredited"], "uncredited_words": e["words"],
             "sources": ", ".join(sorted(e["sources"])), "examples": "; ".join(e["examples"])}
            for d, e in table.items() if e["uncredited"]]
    return sorted(rows, key=lambda r: (-r["uncredited_words"], r["outlet"]))


def to_networkx(net: Network) -> Any:
    import networkx as nx

    graph = nx.DiGraph()
    for domain, node in sorted(net.nodes.items()):
        graph.add_node(domain, **{k: (v if v is not None else "") for k, v in node.items() if k != "domain"})
    for (source, copier), edge in sorted(net.edges.items()):
        graph.add_edge(source, copier, **{k: v for k, v in edge.items() if k not in ("source", "copier")})
    return graph


def _layout(graph: Any) -> dict[str, Any]:
    """Linked outlets by a seeded spring layout; outlets with only their own reuse in a row beneath."""
    import networkx as nx

    linked = graph.subgraph([n for n in graph if graph.degree(n)]).to_undirected()
    pos = nx.kamada_kawai_layout(linked, weight=None) if len(linked) > 2 else nx.spring_layout(linked, seed=7)
    alone = sorted(n for n in graph if not graph.degree(n))
    for i, node in enumerate(alone):
        pos[node] = (-1.0 + 2.0 * (i + 0.5) / len(alone), -1.35)
    return dict(pos)


def draw_network(net: Network, path: str, title: str = "Who copies whom") -> None:
    """A picture (PNG or SVG by suffix): outlets sized by relations, coloured by rating, arrows source → copier."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    graph = to_networkx(net)
    fig, ax = plt.subplots(figsize=(11, 8), dpi=110)
    pos = _layout(graph)
    cmap = plt.get_cmap("RdYlGn")
    colors = [cmap(net.nodes[d]["score"]) if net.nodes[d]["score"] is not None else (0.75, 0.75, 0.75, 1.0)
              for d in graph.nodes]
    sizes = [300 + 60 * net.nodes[d]["relations"] ** 0.8 for d in graph.nodes]
    weights = [graph.edges[e]["narrative_words"] or graph.edges[e]["undirected_words"] for e in graph.edges]
    top = max(weights, default=1) or 1
    styles = ["solid" if graph.edges[e]["narrative_words"] else "dashed" for e in graph.edges]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=[0.6 + 5 * w / top for w in weights], style=styles,
                           edge_color="#555555", arrows=True, arrowsize=14, connectionstyle="arc3,rad=0.12",
                           node_size=sizes, alpha=0.7)
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=colors, node_size=sizes, edgecolors="#222222")
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=9)
    sm = plt.cm.ScalarMappable(cmap=cmap, norm=plt.Normalize(0, 1))
    fig.colorbar(sm, ax=ax, shrink=0.6, label="outlet rating (0 low, 1 high; grey: unrated)")
    ax.set_title(f"{title}: arrows from the outlet copied to the copier, width = shared narrative words"
                 "\n(dashed: direction unknown)", fontsize=10)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None} if path.endswith(".svg") else None)
    plt.close(fig)
