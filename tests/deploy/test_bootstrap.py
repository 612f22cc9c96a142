"""scripts/bootstrap (run by scripts/serve and scripts/test) on a .venv left without pip.

On Debian or Ubuntu without the python3-venv package, `python3 -m venv .venv` fails after making
.venv/bin/python; Python then says to install python3-venv and recreate the environment. The next
`scripts/serve` must do that rather than fail on "No module named pip" at every run. Checked on a
copy of the script in a scratch project, offline: what counts is that the environment is made again
with pip, not that the scratch project installs."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PYPROJECT = """\
[project]
name = "bootstrap-probe"
version = "0"
"""


def test_a_venv_left_without_pip_is_made_again(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "bootstrap", tmp_path / "scripts" / "bootstrap")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    base_python = getattr(sys, "_base_executable", sys.executable)
    subprocess.run(
        [base_python, "-m", "venv", "--without-pip", str(tmp_path / ".venv")], check=True
    )
    venv_python = tmp_path / ".venv" / "bin" / "python"
    assert subprocess.run([venv_python, "-m", "pip", "--version"], check=False).returncode != 0

    drop = {"VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(PYTHON=base_python, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    result = subprocess.run(
        [tmp_path / "scripts" / "bootstrap"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert "creating it again" in result.stderr, result.stdout + result.stderr
    pip = subprocess.run(
        [venv_python, "-m", "pip", "--version"], capture_output=True, text=True, check=False
    )
    assert pip.returncode == 0, result.stdout + result.stderr + pip.stderr
