"""argmap: map the conclusions, premises and evidence of persuasive writing."""

__version__ = "0.1.0"
