"""In a real browser: every notebook runs in JupyterLab, the HTML report opens cleanly, corpus text
holding markup runs nothing in either, and every page is readable: no output typeset as maths, and
every output, table, heading and figure fits the width it is given.

Headless Debian Chromium (``/usr/bin/chromium``, installed by ``make test``) driven by Playwright.
A full-page screenshot of every notebook in JupyterLab and of every report page is kept in
``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest
from conftest import REPO

from xivn.report.rendering import render

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO / "test-artifacts"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
UNTRUSTED = "zz_untrusted_text"  # the overview notebook, pointed at a corpus full of markup
TOKEN = secrets.token_hex(16)
RUN_TIMEOUT_MS = 120_000
KERNEL = "Python 3 (ipykernel)"

# Each payload, if it ever ran, would set a global and change the page title.
PAYLOADS = (
    '<script>window.xivnOwned = "script"; document.title = "owned"</script>',
    "<img src=\"x\" onerror=\"window.xivnOwned = 'onerror'; document.title = 'owned'\">",
)
UNTRUSTED_PAGE = f"""Rail Link Study Agreed

Hanoi and Beijing signed papers on a rail link, officials said on Wednesday.

Officials said the link would be studied, and readers pasted {PAYLOADS[0]} and {PAYLOADS[1]} below.

Vietnam's exports to China reached $57.7 billion in 2022 {PAYLOADS[1]}, customs data showed.

The two sides signed a memorandum on railway cooperation {PAYLOADS[0]}.

No deal was unveiled on rare earths {PAYLOADS[1]}.

Vietnam holds the world's second-largest rare earth reserves {PAYLOADS[1]}, analysts said.

A short closing line.
"""
UNTRUSTED_LABEL = "<img src=y onerror=\"window.xivnOwned='label'; document.title='owned'\">"
OWNED = "() => [document.title, window.xivnOwned === undefined ? null : window.xivnOwned]"
VIEWPORT = {"width": 1300, "height": 950}
LONGEST_SCREENSHOT = 30_000  # pixels; a taller notebook is shot in parts
LAB_OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
REPORT_OUTPUTS = ".jp-OutputArea-output"
# What makes an output unreadable, found in the page: maths typeset by MathJax 3 (its mjx-container,
# the .MathJax of older versions, Lab's own LaTeX output), and anything wider than its box, which
# the reader would have to scroll sideways or would see cut off (1 pixel spared for rounding).
UNREADABLE_OUTPUTS = """(selector) => {
    const problems = [];
    const text = element => (element.innerText || element.alt || "").trim().replace(/\\s+/g, " ").slice(0, 80);
    const wide = element => element.scrollWidth > element.clientWidth + 1;
    const size = element => `${element.scrollWidth}px of content in ${element.clientWidth}px`;
    document.querySelectorAll(selector).forEach((output, index) => {
        const where = `output ${index + 1}`;
        const maths = output.querySelectorAll("mjx-container, .MathJax, .jp-RenderedLatex");
        if (maths.length) problems.push(`${where}: typeset as maths: ${text(maths[0])} (in: ${text(output)})`);
        if (wide(output)) problems.push(`${where}: wider than its area (${size(output)}): ${text(output)}`);
        output.querySelectorAll("table").forEach(table => {
            const box = table.parentElement;
            if (box !== output && wide(box)) {
                problems.push(`${where}: a table wider than its box (${size(box)}): ${text(table)}`);
            }
        });
        output.querySelectorAll("h1, h2, h3, h4, h5, h6, caption, p").forEach(title => {
            if (wide(title)) problems.push(`${where}: a line wider than its box (${size(title)}): ${text(title)}`);
        });
        output.querySelectorAll("img").forEach(image => {
            const width = image.getBoundingClientRect().width;
            if (width > output.clientWidth + 1) {
                problems.push(`${where}: a ${Math.round(width)}px figure in ${output.clientWidth}px: ${text(image)}`);
            }
        });
    });
    return problems;
}"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def untrusted_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("untrusted")
    (folder / "page.txt").write_text(UNTRUSTED_PAGE, encoding="utf-8")
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as metadata:
        csv.writer(metadata).writerows([["file", "label"], ["page.txt", UNTRUSTED_LABEL]])
    return folder


def open_page(browser, errors: list[str]):
    """A new page that records JavaScript errors: uncaught exceptions and console errors."""
    page = browser.new_page(viewport=VIEWPORT)
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and errors.append(f"console: {message.text}"))
    return page


# ---------------------------------------------------------------------------------------------- JupyterLab


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_settings(folder: Path) -> None:
    """Lab settings for the test: no news or update pop-up, the notebook's kernel started without
    asking, every cell attached to the page."""
    settings = {
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "notebook-extension/tracker": {"windowingMode": "none", "autoStartDefaultKernel": True},
    }
    for name, values in settings.items():
        path = folder / "@jupyterlab" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


@pytest.fixture(scope="module")
def lab(tmp_path_factory, untrusted_corpus):
    """A JupyterLab server on localhost with a token, over a copy of the notebooks; its own
    config, data, runtime and settings folders, so the user's are never touched."""
    root = tmp_path_factory.mktemp("lab")
    for path in NOTEBOOKS:
        shutil.copy(path, root / path.name)
    overview = nbformat.read(REPO / "notebooks" / "00_corpus_overview.ipynb", as_version=4)
    parameters = next(cell for cell in overview.cells if "parameters" in cell.metadata.get("tags", []))
    parameters.source = re.sub(
        r'(?m)^corpus_dir: str = ""', f"corpus_dir: str = {str(untrusted_corpus)!r}", parameters.source
    )
    nbformat.write(overview, root / f"{UNTRUSTED}.ipynb")

    home = tmp_path_factory.mktemp("jupyter")
    write_settings(home / "settings")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    port = free_port()
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={root}",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((home / "server.log").read_text()[-3000:]) from None
                time.sleep(0.3)
        yield base, root
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def start_kernel(base: str, path: str) -> None:
    """Start the notebook's kernel through the server's REST API (a session for ``path``)."""
    body = json.dumps({"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}}).encode()
    request = urllib.request.Request(
        f"{base}/api/sessions?token={TOKEN}", data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.status == 201


def menu(page, menu_name: str, item: str) -> None:
    """Click a menu item; Lab greys out notebook commands until the notebook has settled, so the
    menu is reopened until the item is enabled."""
    label = re.compile(f"^{re.escape(item)}$")
    deadline = time.monotonic() + 30
    while True:
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu_name}$")).click()
        entry = page.locator(".lm-Menu-item", has=page.locator(".lm-Menu-itemLabel", has_text=label))
        if "lm-mod-disabled" not in (entry.get_attribute("class") or "") or time.monotonic() > deadline:
            entry.click()
            return
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)


def run_all_in_lab(browser, base: str, root: Path, name: str, errors: list[str]):
    """Open a notebook in JupyterLab, clear it, run all cells from the Run menu, save it; the page.
    On a failure, the screen is kept as ``test-artifacts/jupyterlab-NAME-failure.png``."""
    page = open_page(browser, errors)
    try:
        _run_all_in_lab(page, base, root, name)
    except Exception:
        page.screenshot(path=str(ARTIFACTS / f"jupyterlab-{name}-failure.png"))
        raise
    return page


def _run_all_in_lab(page, base: str, root: Path, name: str) -> None:
    start_kernel(base, f"{name}.ipynb")  # Lab then opens the notebook on it, without asking
    page.add_locator_handler(  # should Lab ask all the same, answer with the notebook's kernel
        page.locator(".jp-Dialog", has_text="Select Kernel"),
        lambda dialog: (dialog.locator("select").select_option(label=KERNEL), dialog.locator(".jp-mod-accept").click()),
    )
    page.goto(f"{base}/lab/tree/{name}.ipynb?reset&token={TOKEN}")
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=60_000)
    page.wait_for_function(f"() => document.body.innerText.includes('{KERNEL} | Idle')", timeout=60_000)
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function("() => !document.querySelector('.jp-Notebook .jp-OutputArea-output')")
    menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /^\\[\\d+\\]:$/.test(p.textContent.trim()));
        }""",
        timeout=RUN_TIMEOUT_MS,
    )
    dialogs = page.locator(".jp-Dialog")
    assert dialogs.count() == 0, dialogs.first.inner_text()
    saved = (root / f"{name}.ipynb").stat().st_mtime_ns
    menu(page, "File", "Save Notebook")
    page.wait_for_function("() => !document.querySelector('.jp-mod-dirty')", timeout=30_000)
    deadline = time.monotonic() + 30
    while (root / f"{name}.ipynb").stat().st_mtime_ns == saved and time.monotonic() < deadline:
        time.sleep(0.2)


def close_left_sidebar(page) -> None:
    """Close JupyterLab's left sidebar (the file browser), as Ctrl+B does, if it is open."""
    if page.locator("#jp-left-stack").is_visible():
        page.keyboard.press("Escape")
        page.keyboard.press("Control+b")
        page.wait_for_function("() => !document.querySelector('#jp-left-stack')?.checkVisibility()", timeout=10_000)


def unreadable_outputs(page, selector: str) -> list[str]:
    """What is unreadable in the outputs ``selector`` finds: maths, and anything wider than its box."""
    page.wait_for_timeout(500)  # MathJax typesets after the output is attached
    return page.evaluate(UNREADABLE_OUTPUTS, selector)


def screenshot_whole_notebook(page, name: str) -> list[Path]:
    """The whole notebook open in Lab, not only what the window shows: the window is made as tall as
    the notebook (in parts of at most ``LONGEST_SCREENSHOT`` pixels), then set back."""
    scroller = "document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')"
    height = page.evaluate(f"() => {scroller}.scrollHeight")
    chrome = VIEWPORT["height"] - page.evaluate(f"() => {scroller}.clientHeight")
    part = min(height, LONGEST_SCREENSHOT - chrome)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": part + chrome})
    paths = []
    for index, top in enumerate(range(0, height, part), start=1):
        page.evaluate(f"() => {{ {scroller}.scrollTop = {top}; }}")
        page.wait_for_timeout(300)
        paths.append(ARTIFACTS / f"jupyterlab-{name}{'' if top == 0 else f'-part{index}'}.png")
        page.screenshot(path=str(paths[-1]))
    page.set_viewport_size(VIEWPORT)
    return paths


@pytest.fixture(scope="module")
def lab_runs(browser, lab):
    """Each notebook run once in Lab, on first request: its page (left open), the JavaScript errors
    seen, and the screenshots of the whole notebook."""
    base, root = lab
    runs: dict[str, tuple] = {}

    def run(name: str):
        if name not in runs:
            errors: list[str] = []
            page = run_all_in_lab(browser, base, root, name, errors)
            runs[name] = (page, errors, screenshot_whole_notebook(page, name))
        return runs[name]

    yield run
    for page, _, _ in runs.values():
        page.close()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_jupyterlab(lab, lab_runs, path):
    _, root = lab
    page, errors, screenshots = lab_runs(path.stem)
    assert all(shot.stat().st_size > 0 for shot in screenshots)
    assert page.locator(".jp-Notebook [data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    saved = nbformat.read(root / path.name, as_version=4)
    cells = [cell for cell in saved.cells if cell.cell_type == "code" and cell.source.strip()]
    assert [cell.execution_count for cell in cells] == list(range(1, len(cells) + 1))
    assert not [output for cell in cells for output in cell.outputs if output.output_type == "error"]
    assert page.evaluate(OWNED)[1] is None
    assert errors == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_outputs_in_jupyterlab_show_no_maths_and_fit_their_boxes(lab_runs, path):
    """At 1,300 px with the file browser closed (Ctrl+B), as a reader of a finished notebook has it;
    with the browser open, the widest tables (one column per deal category) scroll inside their box."""
    page, _, _ = lab_runs(path.stem)
    close_left_sidebar(page)
    problems = unreadable_outputs(page, LAB_OUTPUTS)
    assert not problems, f"{path.name} in JupyterLab:\n" + "\n".join(problems)


def test_markup_in_the_corpus_runs_nothing_in_jupyterlab(browser, lab):
    base, root = lab
    errors: list[str] = []
    page = run_all_in_lab(browser, base, root, UNTRUSTED, errors)
    page.screenshot(path=str(ARTIFACTS / "jupyterlab-untrusted-text.png"))
    title, owned = page.evaluate(OWNED)
    assert owned is None
    assert "owned" not in title
    assert page.locator(".jp-Notebook img[src='x'], .jp-Notebook img[src='y'], .jp-Notebook script").count() == 0
    notebook_text = page.locator(".jp-Notebook").inner_text()
    assert 'window.xivnOwned = "script"' in notebook_text  # shown as the text it is
    assert "onerror=\"window.xivnOwned='label'" in notebook_text
    assert errors == []
    page.close()


# ---------------------------------------------------------------------------------------------- the report


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-report") / "report"
    render(out, jobs=2)
    return out


def local_file(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def check_page(page) -> int:
    """Every image of the page loaded; returns how many there are."""
    loaded = page.evaluate("() => [...document.images].map(image => image.complete && image.naturalWidth > 0)")
    assert all(loaded)
    return len(loaded)


def test_report_index_links_resolve_and_pages_load_cleanly(browser, seed_report):
    errors: list[str] = []
    page = open_page(browser, errors)
    page.goto((seed_report / "index.html").as_uri())
    page.screenshot(path=str(ARTIFACTS / "report-index.png"), full_page=True)
    links = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    assert len(links) == 3 * len(NOTEBOOKS) + 1
    for link in links:
        assert local_file(link).is_file(), link
    for stem in (path.stem for path in NOTEBOOKS):
        for suffix in (".html", ".code.html"):
            page.goto((seed_report / f"{stem}{suffix}").as_uri())
            assert check_page(page) >= 1  # every notebook has at least one figure
            for link in page.eval_on_selector_all("nav a[href]", "links => links.map(link => link.href)"):
                assert local_file(link).is_file(), link
    assert errors == []


@pytest.mark.parametrize("suffix", [".html", ".code.html"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_report_pages_show_no_maths_and_fit_their_boxes(browser, seed_report, path, suffix):
    errors: list[str] = []
    page = open_page(browser, errors)
    name = f"{path.stem}{suffix}"
    page.goto((seed_report / name).as_uri())
    page.screenshot(path=str(ARTIFACTS / f"report-{name.removesuffix('.html')}.png"), full_page=True)
    problems = unreadable_outputs(page, REPORT_OUTPUTS)
    page.close()
    assert not problems, f"{name} in the report:\n" + "\n".join(problems)
    assert errors == []


def test_markup_in_the_corpus_runs_nothing_in_the_report(browser, untrusted_corpus, tmp_path):
    out = tmp_path / "report"
    render(out, corpus_dir=untrusted_corpus, jobs=2)  # every notebook: labels and quotes carry markup
    errors: list[str] = []
    page = open_page(browser, errors)
    pages = sorted(path.name for path in out.glob("*.html"))
    assert len(pages) == 2 * len(NOTEBOOKS) + 1
    for name in pages:
        page.goto((out / name).as_uri())
        title, owned = page.evaluate(OWNED)
        assert owned is None, name
        assert "owned" not in title, name
        assert page.locator("img[src='x'], img[src='y']").count() == 0, name
    page.goto((out / "00_corpus_overview.html").as_uri())
    text = page.locator("body").inner_text()
    assert 'window.xivnOwned = "script"' in text
    assert "onerror=\"window.xivnOwned='label'" in text
    page.locator(".xivn-document").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "report-untrusted-text.png"))
    assert errors == []
