"""A missing or stale native extension fails loudly, with the command that fixes it."""

from __future__ import annotations

import json

import pytest

from mlebench_fast import _native
from mlebench_fast.exceptions import NativeExtensionError


@pytest.fixture
def fake_checkout(tmp_path, monkeypatch):
    """A csrc/ folder and a build record, standing in for the repository's."""
    csrc = tmp_path / "csrc"
    csrc.mkdir()
    (csrc / "rle.pyx").write_text("# source\n")
    native = tmp_path / "native"
    native.mkdir()
    monkeypatch.setattr(_native, "_CSRC", csrc)
    monkeypatch.setattr(_native, "_HERE", native)
    _native._check_fresh.cache_clear()
    yield csrc, native
    _native._check_fresh.cache_clear()


def test_built_extensions_load():
    assert _native.load("rle").__name__ == "mlebench_fast._native.rle"


def test_a_missing_build_says_how_to_build(fake_checkout):
    with pytest.raises(NativeExtensionError, match="has not been built.*make build"):
        _native.load("rle")


def test_a_stale_build_names_the_changed_source(fake_checkout):
    csrc, native = fake_checkout
    (native / "_built_from.json").write_text(json.dumps({"rle.pyx": "0" * 64}))
    with pytest.raises(NativeExtensionError, match="stale: csrc/rle.pyx changed"):
        _native.load("rle")


def test_an_unimportable_module_is_reported_as_not_built_correctly():
    with pytest.raises(NativeExtensionError, match="`no_such_kernel` has not been built correctly"):
        _native.load("no_such_kernel")


def test_a_changed_shared_header_makes_the_build_stale(fake_checkout):
    import hashlib

    csrc, native = fake_checkout
    (csrc / "swar_digits.h").write_text("/* header */\n")
    record = {"rle.pyx": hashlib.sha256((csrc / "rle.pyx").read_bytes()).hexdigest(),
              "swar_digits.h": "0" * 64}
    (native / "_built_from.json").write_text(json.dumps(record))
    with pytest.raises(NativeExtensionError, match="stale: csrc/swar_digits.h changed"):
        _native.load("rle")
