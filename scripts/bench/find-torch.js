// @ts-check
// Finds a Python that has PyTorch, for the bench's `vs PyTorch` column. The python3 first on PATH
// may be one without it (e.g. pyenv's), while Debian's python3-torch lives under /usr/bin/python3.
"use strict";
const { spawnSync } = require("child_process");

/** The first of $CONVNET_TORCH_PYTHON, /usr/bin/python3, python3 that can `import torch`, or null. */
function findTorchPython() {
  const chosen = process.env.CONVNET_TORCH_PYTHON;
  const candidates = [...(chosen ? [chosen] : []), "/usr/bin/python3", "python3"];
  for (const python of candidates) {
    const result = spawnSync(python, ["-c", "import torch"], { stdio: "ignore", timeout: 60_000 });
    if (result.status === 0) return python;
  }
  return null;
}

module.exports = { findTorchPython };
