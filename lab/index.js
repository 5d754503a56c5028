// The JupyterLab application: the core plugins listed in package.json's "jupyterlab" section
// (gen/extensions.js is written from that list by webpack.config.js), started in the page that
// lab/server.py serves.
import { PageConfig } from "@jupyterlab/coreutils";

// Chunks and assets load from the server's static URL; this must run before any CSS is imported.
// eslint-disable-next-line no-undef
__webpack_public_path__ = PageConfig.getOption("fullStaticUrl") + "/";

import { extensions, mimeExtensions, isDisabled } from "./gen/extensions.js";

function pluginsOf(module) {
  const exported = Object.prototype.hasOwnProperty.call(module, "__esModule") ? module.default : module;
  return (Array.isArray(exported) ? exported : [exported]).filter((plugin) => !isDisabled(plugin.id));
}

async function main() {
  await import("./gen/style.js");
  const { JupyterLab } = await import("@jupyterlab/application");
  const lab = new JupyterLab({ mimeExtensions: (await Promise.all(mimeExtensions())).map(pluginsOf).flat() });
  lab.registerPlugins((await Promise.all(extensions())).map(pluginsOf).flat());
  await lab.start();
  await lab.restored;
}

window.addEventListener("load", () => {
  main().catch((error) => {
    console.error("JupyterLab failed to start", error);
    document.body.textContent = `JupyterLab failed to start: ${error}. See the browser console.`;
  });
});
