"""JupyterLab for convnet-lab: the frontend built in lab/build/ from npm's @jupyterlab/* packages,
served by jupyterlab_server's LabServerApp on jupyter_server (Debian's python3-jupyter-server 1.23
and python3-jupyterlab-server 2.16 are enough). Started by `npm start` and the browser tests:

    /usr/bin/python3 lab/server.py --ServerApp.root_dir=notebooks [any jupyter_server option]
"""
import json
import os
import sys

from jupyterlab_server import LabServerApp

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILD = os.path.join(HERE, "build")
# Settings and workspaces a learner changes live outside the (rebuildable) build folder.
STATE = os.environ.get("CONVNET_LAB_STATE") or os.path.join(ROOT, ".jupyter-data", "lab")


def _build_info():
    path = os.path.join(BUILD, "build-info.json")
    if not os.path.isfile(path):
        sys.exit(
            f"convnet-lab: the JupyterLab build is missing ({path} not found). "
            "Run `node scripts/setup.js` (or `npm install`) to build it."
        )
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _page_config_hook(handler, page_config):
    # jupyterlab_server 2.16 keeps one page_config dict for every page, and its not-found handler
    # writes notFoundUrl into it, so after one 404 under /lab every later page says "Path Not Found"
    # (jupyterlab_server #314). Give each page its own copy without a stale notFoundUrl.
    own = dict(page_config)
    own.pop("notFoundUrl", None)
    return own


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": ConvnetLabApp}]


class ConvnetLabApp(LabServerApp):
    name = "convnet_lab"
    extension_url = "/lab"
    default_url = "/lab"
    app_url = "/lab"
    app_name = "JupyterLab"
    load_other_extensions = False
    app_version = _build_info()["jupyterlab"] if __name__ == "__main__" else ""
    static_dir = os.path.join(BUILD, "static")
    templates_dir = os.path.join(HERE, "templates")
    schemas_dir = os.path.join(BUILD, "schemas")
    themes_dir = os.path.join(BUILD, "themes")
    app_settings_dir = os.path.join(BUILD, "app-settings")
    user_settings_dir = os.path.join(STATE, "user-settings")
    workspaces_dir = os.path.join(STATE, "workspaces")

    def initialize_settings(self):
        super().initialize_settings()
        self.settings["page_config_hook"] = _page_config_hook


if __name__ == "__main__":
    ConvnetLabApp.launch_instance()
