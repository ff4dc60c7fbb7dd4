"""The handbook's MkDocs hook: hands every build event to the Debrief plugin, which reads its
settings from `markdown_extensions: debrief.widgets` in mkdocs.yml (where Zensical, which runs
no hooks, finds them too). Another site lists `debrief` under `plugins:` instead."""

from debrief.plugin import DebriefPlugin

_plugin = DebriefPlugin.for_hook()

on_startup = _plugin.on_startup
on_config = _plugin.on_config
on_files = _plugin.on_files
on_nav = _plugin.on_nav
on_page_markdown = _plugin.on_page_markdown
on_page_context = _plugin.on_page_context
on_post_page = _plugin.on_post_page
on_env = _plugin.on_env
on_post_build = _plugin.on_post_build
