"""Evaluation of an argument map: in/out/undecided labels with reasons, and the map's problems. No Qt."""

from .caes import evaluate_carneades, is_carneades
from .general import evaluate_general
from .labels import Label, Why
from .live import LiveEvaluation, evaluate
from .live_problems import LiveProblems
from .problems import SEVERITY, Fix, Problem, find_problems
from .result import Evaluation

__all__ = [
    "SEVERITY",
    "Evaluation",
    "Fix",
    "Label",
    "LiveEvaluation",
    "LiveProblems",
    "Problem",
    "Why",
    "evaluate",
    "evaluate_carneades",
    "evaluate_general",
    "find_problems",
    "is_carneades",
]
