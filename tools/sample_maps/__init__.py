"""The shipped sample maps, each written as a readable build script (see tools/build_samples.py)."""
