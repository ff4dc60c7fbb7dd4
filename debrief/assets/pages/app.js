// Starts the progress page and the feedback log: the manifest of every widget of the site, the
// kinds of widget it lists, and the page's own module, all loaded as the page opens. What the
// reader does there is saved through the keeper like everything else.

import { kindOf } from "../kinds/index.js";
import { translate } from "../page/strings.js";
import { keeperFor } from "../store/keeper.js";
import { dayFormat, frame, heard, redraw } from "./frame.js";

// The version this module was imported at (`?v=`, see debrief/collect.py), which the styles
// take too, so a cache never pairs this script with the styles of another version.
const version = new URL(import.meta.url).search;

const styles = (site) => {
  if (document.querySelector("link[data-debrief-styles]")) return; // the build linked them
  const link = document.createElement("link");
  const href = new URL(`pages/app.css${version}`, site.assets).href;
  Object.assign(link, { rel: "stylesheet", href });
  link.dataset.debriefStyles = "";
  document.head.append(link);
};

// What a page part's draw() gets: its section, strings, keepers, the manifest and its kinds.
const pageOf = (section, site, manifest, kinds) => {
  const config = JSON.parse(section.dataset.config);
  const t = translate(section);
  const keepers = {
    device: keeperFor(config, site.root, "device"),
    session: keeperFor(config, site.root, "session"),
  };
  return {
    section,
    config,
    t,
    manifest,
    kinds,
    keepers,
    keeper: keepers.device,
    home: new URL("../../", site.assets),
    day: dayFormat(t.lang),
    root: section.querySelector(".debrief-app-root"),
  };
};

// One manifest per build: a site built once per language names each after its language. A site
// read from files carries it in the page, since a browser fetches no file:// address.
const manifestOf = (section, site) => {
  const embedded = document.querySelector("script[data-debrief-manifest]");
  if (embedded) return JSON.parse(embedded.textContent);
  const { manifest: name = "manifest.json" } = JSON.parse(section.dataset.config);
  return fetch(new URL(name, site.assets)).then((reply) => reply.json());
};

export const start = async (sections, site) => {
  styles(site);
  const began = performance.now();
  const manifest = await manifestOf(sections[0], site);
  const names = [...new Set(manifest.widgets.map((widget) => widget.kind))];
  const [modules, loaded] = await Promise.all([
    Promise.all(sections.map((section) => import(`./${section.dataset.debriefApp}.js`))),
    Promise.all(names.map(kindOf)),
  ]);
  const kinds = Object.fromEntries(names.map((name, n) => [name, loaded[n]]));
  frame(
    sections.map((section, n) => ({
      page: pageOf(section, site, manifest, kinds),
      draw: modules[n].draw,
    })),
  );
  redraw();
  for (const section of sections) section.dataset.readyMs = (performance.now() - began).toFixed(1);
  return [{ refresh: () => heard(sections) }];
};

addEventListener("afterprint", () => document.documentElement.classList.remove("debrief-printing"));
