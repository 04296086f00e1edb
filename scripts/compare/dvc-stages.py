"""Prints DVC's own expansion of the dvc.yaml in each directory given.

Usage: dvc-stages.py [--cli N] DIR...
Each DIR holds dvc.yaml and its params files; it is made a DVC project (no git) when it is not one.
Output: the last line of stdout is one JSON object (DVC prints its own notes above it), DIR -> {"names": [...], "cmds": {name: cmd}} or DIR -> {"error": message}.
The names of the first N directories come from `dvc stage list --name-only` itself (one process
each, so slower); the others' from the same index that command lists.
"""

import json
import os
import subprocess
import sys

from dvc.repo import Repo


def expand(path, use_cli):
    if not os.path.isdir(os.path.join(path, ".dvc")):
        Repo.init(path, no_scm=True)
    try:
        repo = Repo(path)
        stages = list(repo.index.stages)
    except Exception as exc:  # DVC refusing the file is a result to compare, not a crash
        return {"error": str(exc)}
    result = {"names": [stage.name for stage in stages], "cmds": {s.name: s.cmd for s in stages}}
    if use_cli:
        listed = subprocess.run(
            ["dvc", "stage", "list", "--name-only"], cwd=path, capture_output=True, text=True
        )
        if listed.returncode != 0:
            return {"error": (listed.stderr or listed.stdout).strip()}
        result["names"] = [line.strip() for line in listed.stdout.splitlines() if line.strip()]
    return result


args = sys.argv[1:]
cli = 0
if args[:1] == ["--cli"]:
    cli = int(args[1])
    args = args[2:]
print(json.dumps({path: expand(path, i < cli) for i, path in enumerate(args)}))
